#!/usr/bin/env python3
"""Checks that a Markdown compliance report renders as intended with cmark-gfm, GitHub's renderer.

Renders the report with the GFM extensions GitHub enables (tables, autolinks, strikethrough)
and fails when: a table of the source does not render as one (a missing separator row), a
row has more or fewer cells than its table has columns (a stray '|' from an input), any raw HTML reaches the output (cmark-gfm's safe mode omits it and says so),
a link leaves the report (it links only within itself, so one must come from an input;
e-mail addresses, which GFM links whatever their escapes, are allowed),
or an in-page link names no heading (anchors as GitHub makes them from heading text).
"""
import argparse
import os
import re
import subprocess
import sys
import unicodedata


def github_slug(text):
    """GitHub's heading anchor: lower case, punctuation but '-' and '_' dropped, spaces to '-'."""
    text = text.strip().lower()
    kept = ''.join(c for c in text if c in ' -_' or unicodedata.category(c)[0] in 'LNM')
    return kept.replace(' ', '-')


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--cmark-gfm', default='cmark-gfm')
    parser.add_argument('--sagelint', help='write the report first: sagelint report -f markdown INPUT... -o REPORT')
    parser.add_argument('--date', default='2026-11-28', help='with --sagelint: the report date')
    parser.add_argument('report')
    parser.add_argument('inputs', nargs='*', help='with --sagelint: what to report on')
    args = parser.parse_args()
    if args.sagelint:
        os.makedirs(os.path.dirname(os.path.abspath(args.report)), exist_ok=True)
        run = subprocess.run([args.sagelint, 'report', '--no-config', '--format', 'markdown', '--date', args.date,
                              '--output', args.report, *args.inputs], capture_output=True, text=True, check=False)
        if run.returncode not in (0, 2):  # 2: some input could not be read, which the report lists
            print(f'sagelint report exited {run.returncode}: {run.stderr}')
            return 1
    with open(args.report, encoding='utf-8') as source:
        markdown = source.read()
    rendered = subprocess.run([args.cmark_gfm, '--extension', 'table', '--extension', 'autolink',
                               '--extension', 'strikethrough'], input=markdown, capture_output=True,
                              text=True, check=True).stdout
    problems = []
    separators = len(re.findall(r'^\|(?:\s*:?-+:?\s*\|)+\s*$', markdown, re.M))
    tables = rendered.count('<table>')
    if separators == 0 or tables != separators:
        problems.append(f'{separators} tables in the source, {tables} rendered')
    # GFM drops the cells of a row beyond its header's: a '|' from an input would lose text.
    columns = None
    for number, line in enumerate(markdown.splitlines(), 1):
        if not line.startswith('|'):
            columns = None
            continue
        cells = len(re.split(r'(?<!\\)\|', line.strip())) - 2
        if columns is None:
            columns = cells
        elif cells != columns:
            problems.append(f'line {number}: a row of {cells} cells in a table of {columns} columns')
    if 'raw HTML omitted' in rendered:
        problems.append('raw HTML in the source (omitted when rendered)')
    # GFM links e-mail addresses in text whatever their escapes; such a link shows the address it
    # goes to, so it is allowed. Any other link out of the report comes from an input.
    for link, text in re.findall(r'<a href="([^"]*)">(.*?)</a>', rendered):
        if not link.startswith('#') and link != f'mailto:{text}':
            problems.append(f'a link out of the report: {link}')
    headings = {github_slug(re.sub(r'<[^>]+>', '', h)) for h in re.findall(r'<h[1-6]>(.*?)</h[1-6]>', rendered)}
    for anchor in set(re.findall(r'<a href="#([^"]*)"', rendered)):
        if anchor not in headings:
            problems.append(f'a link to #{anchor}, which no heading makes')
    for problem in problems:
        print(f'{args.report}: {problem}')
    if problems:
        return 1
    print(f'{args.report}: OK, {tables} tables, {len(headings)} headings')
    return 0


if __name__ == '__main__':
    sys.exit(main())
