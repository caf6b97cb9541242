#!/usr/bin/env python3
"""Writes an HTML compliance report with sagelint, then loads it in headless Chromium.

Usage: check_html_report.py --sagelint BIN REPORT.html [INPUT...] [-- CHECK_HTML_PAGE_ARGS...]
The report is written with `sagelint report --format html --date` (exit 0, or 2 when an input
broken on purpose could not be read, which the report lists); then tools/check_html_page.py
loads it and fails on console errors, requests and dialogs, and takes the screenshot asked for.
"""
import argparse
import os
import pathlib
import subprocess
import sys

HARNESS = pathlib.Path(__file__).resolve().parents[2] / 'tools' / 'check_html_page.py'


def main():
    argv = sys.argv[1:]
    page_args = argv[argv.index('--') + 1:] if '--' in argv else []
    own_args = argv[:argv.index('--')] if '--' in argv else argv
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--sagelint', required=True)
    parser.add_argument('--date', default='2026-11-28')
    parser.add_argument('report')
    parser.add_argument('inputs', nargs='*')
    args = parser.parse_args(own_args)

    os.makedirs(os.path.dirname(os.path.abspath(args.report)), exist_ok=True)
    run = subprocess.run([args.sagelint, 'report', '--no-config', '--format', 'html', '--date', args.date,
                          '--output', args.report, *args.inputs], capture_output=True, text=True, check=False)
    if run.returncode not in (0, 2):
        print(f'sagelint report exited {run.returncode}: {run.stderr}')
        return 1
    return subprocess.run([sys.executable, str(HARNESS), args.report, *page_args], check=False).returncode


if __name__ == '__main__':
    sys.exit(main())
