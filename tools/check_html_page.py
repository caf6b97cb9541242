#!/usr/bin/env python3
"""Loads an HTML page in headless Chromium and fails on console errors, exceptions and requests.

Drives Debian's chromium through chromedriver's W3C WebDriver protocol with nothing but the
standard library. The page is opened from a file:// URL in a browser with a fresh profile and
Chromium's background networking off, and the check fails when:
- the console logs an error (console.error, an uncaught exception, a resource that did not
  load, a Content-Security-Policy violation);
- the page asks for anything but itself and data: URLs (Chromium's network log and the page's
  own resource timing both count), or opens a dialog (alert, confirm, prompt);
- a text given with --expect-text is not in the page as text.
With --screenshot it also writes a PNG of the whole page (or of its top --max-height pixels)
at --width CSS pixels.
"""
import argparse
import base64
import json
import os
import pathlib
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
                  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--hide-scrollbars']

# Runs before the page's own scripts: a dialog is recorded instead of blocking the page.
RECORD_DIALOGS = """
window.__dialogs = [];
for (const name of ['alert', 'confirm', 'prompt']) {
  window[name] = (message) => { window.__dialogs.push(name + '(' + String(message) + ')'); return null; };
}
"""


class WebDriver:
    """The few WebDriver commands this check needs, over chromedriver's HTTP endpoint."""

    def __init__(self, port):
        self.base = f'http://127.0.0.1:{port}'
        self.session = None

    def call(self, method, path, body=None, timeout=60):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={'Content-Type': 'application/json'})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return json.loads(response.read())['value']
        except urllib.error.HTTPError as error:
            value = json.loads(error.read() or b'{}').get('value', {})
            raise RuntimeError(f'{method} {path}: {value.get("error")}: {value.get("message", "")[:500]}') from None
        except OSError as error:  # chromedriver gone, or no answer within the timeout
            raise RuntimeError(f'{method} {path}: {error}') from None

    def session_call(self, method, path, body=None):
        return self.call(method, f'/session/{self.session}{path}', body)

    def cdp(self, command, params=None):
        return self.session_call('POST', '/goog/cdp/execute', {'cmd': command, 'params': params or {}})

    def script(self, source):
        return self.session_call('POST', '/execute/sync', {'script': source, 'args': []})


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def wait_for_driver(driver, process, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f'chromedriver exited with {process.returncode}')
        try:
            if driver.call('GET', '/status', timeout=2).get('ready'):
                return
        except (OSError, RuntimeError):
            pass
        time.sleep(0.1)
    raise RuntimeError(f'chromedriver did not answer within {seconds} s')


def requested_urls(performance_log, page_url):
    """Every URL Chromium's network domain was asked to fetch for the page, from the performance
    log (the browser's own start page logs its requests there too: they are for another document)."""
    urls = []
    for entry in performance_log:
        message = json.loads(entry['message'])['message']
        if message.get('method') == 'Network.requestWillBeSent' and message['params'].get('documentURL') == page_url:
            urls.append(message['params']['request']['url'])
    return urls


def check_page(driver, page_url, args):
    """Loads the page and returns the problems found, one line each."""
    driver.cdp('Page.addScriptToEvaluateOnNewDocument', {'source': RECORD_DIALOGS})
    for log in ('browser', 'performance'):  # reading a log empties it: what the start page logged
        driver.session_call('POST', '/se/log', {'type': log})
    driver.session_call('POST', '/url', {'url': page_url})
    deadline = time.monotonic() + 30
    while driver.script('return document.readyState') != 'complete':
        if time.monotonic() > deadline:
            return ['the page did not finish loading within 30 s']
        time.sleep(0.05)

    problems = []
    for entry in driver.session_call('POST', '/se/log', {'type': 'browser'}):
        if entry['level'] == 'SEVERE':
            problems.append(f'console error: {entry["message"]}')
    own = page_url.split('#')[0]
    external = [url for url in requested_urls(driver.session_call('POST', '/se/log', {'type': 'performance'}), page_url)
                if url.split('#')[0] != own and not url.startswith('data:')]
    external += driver.script("return performance.getEntriesByType('resource').map(e => e.name)"
                              ".filter(u => !u.startsWith('data:'))")
    for url in sorted(set(external)):
        problems.append(f'network request: {url}')
    for dialog in driver.script('return window.__dialogs'):
        problems.append(f'dialog opened: {dialog}')
    if args.expect_text:
        text = driver.script('return document.body ? document.body.innerText : ""')
        for expected in args.expect_text:
            if expected not in text:
                problems.append(f'text not on the page: {expected!r}')
    if args.screenshot:
        write_screenshot(driver, args.screenshot, args.max_height)
    return problems


def write_screenshot(driver, path, max_height):
    """A PNG of the whole page, not only the window (the layout's full content size), or of its
    top max_height CSS pixels."""
    size = driver.cdp('Page.getLayoutMetrics')['cssContentSize']
    height = min(size['height'], max_height) if max_height else size['height']
    clip = {'x': 0, 'y': 0, 'width': size['width'], 'height': height, 'scale': 1}
    shot = driver.cdp('Page.captureScreenshot', {'format': 'png', 'captureBeyondViewport': True, 'clip': clip})
    target = pathlib.Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(target.name + '.tmp')
    temporary.write_bytes(base64.b64decode(shot['data']))
    temporary.replace(target)


def run_browser(page, args):
    """Starts chromedriver and a headless Chromium with a fresh profile, checks the page and
    returns its problems; RuntimeError when the browser itself failed."""
    port = free_port()
    with tempfile.TemporaryDirectory(prefix='sagelint-chromium-') as profile:
        driver_process = subprocess.Popen([args.chromedriver, f'--port={port}'], stdout=subprocess.DEVNULL,
                                          stderr=subprocess.DEVNULL)
        driver = WebDriver(port)
        try:
            wait_for_driver(driver, driver_process)
            options = {'binary': args.chromium,
                       'args': CHROMIUM_FLAGS + [f'--user-data-dir={profile}', f'--window-size={args.width},900']}
            capabilities = {'browserName': 'chrome', 'goog:chromeOptions': options,
                            'goog:loggingPrefs': {'browser': 'ALL', 'performance': 'ALL'}}
            driver.session = driver.call('POST', '/session',
                                         {'capabilities': {'alwaysMatch': capabilities}})['sessionId']
            return check_page(driver, page.as_uri(), args)
        finally:
            if driver.session:
                try:
                    driver.call('DELETE', f'/session/{driver.session}', timeout=10)
                except RuntimeError:
                    pass
            driver_process.terminate()
            try:
                driver_process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                driver_process.kill()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('page', help='the HTML file to load')
    parser.add_argument('--chromium', default=os.environ.get('CHROMIUM', '/usr/bin/chromium'))
    parser.add_argument('--chromedriver', default=os.environ.get('CHROMEDRIVER', '/usr/bin/chromedriver'))
    parser.add_argument('--width', type=int, default=1280, help='the window width in CSS pixels')
    parser.add_argument('--screenshot', help='write a PNG of the whole page here')
    parser.add_argument('--max-height', type=int, help='with --screenshot: only the top of the page, in CSS pixels')
    parser.add_argument('--expect-text', action='append', help='fail unless the page shows this text')
    args = parser.parse_args()

    for program in (args.chromium, args.chromedriver):
        if not shutil.which(program):
            print(f'{program} not found: tools/install-deps.sh installs Debian\'s chromium and chromium-driver')
            return 2
    page = pathlib.Path(args.page).resolve()
    if not page.is_file():
        print(f'{args.page}: no such file')
        return 2

    # A browser that could not be started or that died is not a finding about the page: on a
    # loaded machine that happens, so it is tried once more before the check gives up.
    for attempt in (1, 2):
        try:
            problems = run_browser(page, args)
            break
        except RuntimeError as error:
            print(f'{args.page}: could not check the page (attempt {attempt} of 2): {error}')
    else:
        return 2

    for problem in problems:
        print(f'{args.page}: {problem}')
    if not problems:
        print(f'{args.page}: loaded in headless Chromium without console errors, requests or dialogs')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
