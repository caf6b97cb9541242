#!/usr/bin/env python3
"""Runs `sagelint check --format sarif` over some inputs and validates the log the way
GitHub code scanning and the VS Code SARIF viewer need it (../shared/research/sarif.md §9):

  1. the official SARIF 2.1.0 schema, with Python jsonschema's Draft 4 validator;
  2. ../shared/sarif/check_sarif.py with --source-root, which must print OK. The checker
     reads every source as UTF-8 and stops at the first file that is not (an input broken on
     purpose), so results in such files are left out of the log it sees, and their regions
     and fingerprints are checked here instead, on the text decoded as Node decodes it;
  3. what neither covers: a second run gives the same bytes, every input that does not
     parse is also an SMD000 result at the same place, and no message holds an accidental
     embedded link ("](").

sagelint exits 2 when an input cannot be parsed. That is accepted only when every such
input lies under one of the --unparseable prefixes (inputs broken on purpose); any other
exit status but 0 and 1 fails.

usage: validate_sarif.py --sagelint BIN --schema SCHEMA --checker CHECK_SARIF_PY
                         --output OUT.sarif [--unparseable PREFIX]... INPUT...
Run it from the source directory: URIs are relative to the working directory.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import urllib.parse


def run_sagelint(binary, inputs, output, baseline=None):
    """Exit status, the SARIF's bytes (None when none was written) and stderr."""
    if os.path.exists(output):
        os.remove(output)
    command = [binary, 'check', '--format', 'sarif', '--output', output, *inputs]
    if baseline:
        command[2:2] = ['--baseline', baseline]
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, errors='replace')
    if not os.path.exists(output):
        return done.returncode, None, done.stderr
    with open(output, 'rb') as log:
        return done.returncode, log.read(), done.stderr


def schema_errors(schema_path, log):
    import jsonschema
    with open(schema_path, encoding='utf-8') as f:
        schema = json.load(f)
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    return [f"schema: /{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(log)]


def read_source(uri):
    with open(os.fsdecode(urllib.parse.unquote_to_bytes(uri)), 'rb') as f:
        return f.read()


def is_utf8_source(uri):
    """False only for a readable relative source that is not UTF-8; the checker reports the rest."""
    if re.match(r'^[A-Za-z][A-Za-z0-9+.-]*:', uri) or uri.startswith('/'):
        return True
    try:
        read_source(uri).decode('utf-8')
        return True
    except OSError:
        return True
    except UnicodeDecodeError:
        return False


def non_utf8_errors(checker, results):
    """check_sarif.py's region and fingerprint checks, for sources that are not UTF-8."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(checker)))
    from check_sarif import line_hashes, utf16_len
    errors = []
    for result in results:
        physical = result['locations'][0]['physicalLocation']
        uri = physical['artifactLocation']['uri']
        # Node's utf8 decoding, as upload-sarif's hasher and VS Code read the file.
        text = read_source(uri).decode('utf-8', 'replace')
        lines = re.split(r'\r\n|\r|\n', text)
        region = physical['region']
        start, end = (region['startLine'], region['startColumn']), (region['endLine'], region['endColumn'])
        if end < start or end[0] > len(lines) or end[1] > utf16_len(lines[end[0] - 1]) + 1 or \
                start[1] > utf16_len(lines[start[0] - 1]) + 1:
            errors.append(f'{uri}: region {region} lies outside the file (UTF-16 columns)')
        want = line_hashes(text).get(start[0])
        got = result.get('partialFingerprints', {}).get('primaryLocationLineHash')
        if got != want:
            errors.append(f'{uri}: primaryLocationLineHash {got!r} != expected {want!r}')
    return errors


def checker_errors(checker, sarif_path, log):
    results = log['runs'][0]['results']
    utf8 = {uri: is_utf8_source(uri) for uri in
            {r['locations'][0]['physicalLocation']['artifactLocation']['uri'] for r in results}}
    elsewhere = [r for r in results if not utf8[r['locations'][0]['physicalLocation']['artifactLocation']['uri']]]
    errors = non_utf8_errors(checker, elsewhere)
    if elsewhere:
        log = json.loads(json.dumps(log))
        log['runs'][0]['results'] = [r for r in results if r not in elsewhere]
        sarif_path += '.utf8-sources.sarif'
        with open(sarif_path, 'w', encoding='utf-8') as f:
            json.dump(log, f, indent=2, ensure_ascii=False)
    done = subprocess.run([sys.executable, checker, sarif_path, '--source-root', os.getcwd()],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = done.stdout.strip().splitlines()
    if done.returncode == 0 and lines and lines[-1] == f'{sarif_path}: OK':
        return errors
    problems = [line for line in lines if not line.endswith('problem(s)')]
    return errors + ([f'check_sarif.py: {line}' for line in problems] or [
        f'check_sarif.py exited {done.returncode}: {done.stdout.strip() or "no output"}'])


def uri_of(location):
    return location['physicalLocation']['artifactLocation']['uri']


def own_errors(log, exit_status, unparseable):
    errors = []
    run = log['runs'][0]
    notifications = run['invocations'][0].get('toolExecutionNotifications', [])
    failures = [n for n in notifications if n.get('level') == 'error']
    smd000 = [r['locations'][0] for r in run['results'] if r['ruleId'] == 'SMD000']
    for failure in failures:
        where = failure.get('locations') or []
        if not where:
            errors.append(f"an input failed without a location: {failure['message']['text']}")
            continue
        uri = uri_of(where[0])
        if not any(uri.startswith(prefix) for prefix in unparseable):
            errors.append(f"{uri} does not parse ({failure['message']['text']}), and is not under "
                          f"{' or '.join(unparseable) or 'any --unparseable prefix'}")
        if where[0] not in smd000:
            errors.append(f'{uri}: the parse failure is not also an SMD000 result at the same place')
    if exit_status == 2 and not failures:
        errors.append('sagelint exited 2 but reports no input failure')
    if exit_status not in (0, 1, 2):
        errors.append(f'sagelint exited {exit_status}')
    if failures and exit_status != 2:
        errors.append(f'inputs failed but sagelint exited {exit_status}, not 2')
    for result in run['results']:
        if re.search(r'(?<!\\)\]\(', result['message']['text']):
            errors.append(f"message reads as an embedded link: {result['message']['text']}")
    return errors


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--sagelint', required=True)
    parser.add_argument('--schema', required=True)
    parser.add_argument('--checker', required=True)
    parser.add_argument('--output', required=True)
    parser.add_argument('--unparseable', action='append', default=[])
    parser.add_argument('--baseline-from', action='append', default=[],
                        help='write a baseline of these inputs first (sagelint baseline) and check against it')
    parser.add_argument('inputs', nargs='+')
    args = parser.parse_args()

    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    baseline = None
    if args.baseline_from:
        baseline = args.output + '.baseline'
        done = subprocess.run([args.sagelint, 'baseline', '--output', baseline, *args.baseline_from],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, errors='replace')
        if done.returncode != 0:
            print(f'{baseline}: sagelint baseline exited {done.returncode}:\n{done.stderr}')
            return 1
    status, first, stderr = run_sagelint(args.sagelint, args.inputs, args.output, baseline)
    if status not in (0, 1, 2) or first is None:
        print(f'{args.output}: sagelint exited {status} and wrote {"no SARIF" if first is None else "a SARIF"}:\n{stderr}')
        return 1
    _, second, _ = run_sagelint(args.sagelint, args.inputs, args.output + '.again', baseline)
    os.remove(args.output + '.again')

    try:
        log = json.loads(first.decode('utf-8'))
    except ValueError as error:  # not UTF-8, or not JSON
        print(f'{args.output}: not UTF-8 JSON: {error}')
        return 1
    errors = schema_errors(args.schema, log)
    errors += checker_errors(args.checker, args.output, log)
    errors += own_errors(log, status, args.unparseable)
    if baseline:
        states = {result.get('baselineState') for result in log['runs'][0]['results']}
        if not {'new', 'unchanged', 'absent'} <= states:
            errors.append(f'a run against a baseline of other inputs gave only the states {sorted(map(str, states))}')
    if first != second:
        errors.append('two runs over the same inputs gave different bytes')

    results = len(log['runs'][0]['results'])
    for error in errors:
        print(f'{args.output}: {error}')
    print(f"{args.output}: {'OK' if not errors else f'{len(errors)} problem(s)'} "
          f"({results} results, sagelint exit {status})")
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
