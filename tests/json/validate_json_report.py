#!/usr/bin/env python3
"""Validates sagelint's JSON report against docs/json-report.schema.json.

Runs `sagelint check --format json` over the given paths (with --no-config and any extra
arguments after --) and checks the output against the schema (JSON Schema 2020-12), and that
the summary agrees with the findings. Exit 0 when valid, 1 with every problem otherwise.
"""
import argparse
import json
import subprocess
import sys

import jsonschema


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--sagelint', required=True)
    parser.add_argument('--schema', required=True)
    parser.add_argument('paths', nargs='+')
    args, extra = parser.parse_known_args()
    run = subprocess.run([args.sagelint, 'check', '--no-config', '--format', 'json', *extra, *args.paths],
                         capture_output=True, text=True, check=False)
    if run.returncode not in (0, 1, 2):
        print(f'sagelint exited {run.returncode}: {run.stderr}')
        return 1
    report = json.loads(run.stdout)
    with open(args.schema, encoding='utf-8') as schema_file:
        schema = json.load(schema_file)
    validator = jsonschema.Draft202012Validator(schema)
    errors = [f'{"/".join(str(p) for p in error.absolute_path)}: {error.message}'
              for error in validator.iter_errors(report)]
    findings = report['findings']
    for level, key in (('error', 'errors'), ('warning', 'warnings'), ('note', 'notes')):
        counted = sum(1 for f in findings if f['level'] == level and not f['suppressed'])
        if counted != report['summary'][key]:
            errors.append(f'summary.{key} is {report["summary"][key]}, the findings hold {counted}')
    for error in errors[:50]:
        print(error)
    if errors:
        print(f'{len(errors)} problem(s) in {len(findings)} findings')
        return 1
    print(f'OK: {len(findings)} findings valid against {args.schema}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
