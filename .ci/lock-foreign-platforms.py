#!/usr/bin/env python3
"""Adds lock entries for optional platform packages that this workplace's npm registry mirror does
not carry (darwin/win32/other-libc builds of DuckDB's and rollup's native bindings).

npm records only the packages it could resolve, and `npm ci` then refuses a lock that lacks an
optional dependency, even one for another platform. An entry with `os`/`cpu` and `optional` is
enough: npm ci skips it on a non-matching platform without fetching it. Run after `npm install`:
    python3 .ci/lock-foreign-platforms.py package-lock.json
"""
import json
import re
import sys

path = sys.argv[1] if len(sys.argv) > 1 else 'package-lock.json'
lock = json.load(open(path))
packages = lock['packages']

OS = {'darwin': 'darwin', 'win32': 'win32', 'linux': 'linux', 'android': 'android', 'freebsd': 'freebsd',
      'openbsd': 'openbsd', 'openharmony': 'openharmony'}
CPU = {'arm64': 'arm64', 'x64': 'x64', 'arm': 'arm', 'ia32': 'ia32', 'loong64': 'loong64', 'ppc64': 'ppc64',
       'riscv64': 'riscv64', 's390x': 's390x'}


def platform(name: str):
    parts = re.split(r'[-/]', name)
    os_ = next((OS[p] for p in parts if p in OS), None)
    cpu = next((CPU[p] for p in parts if p in CPU), None)
    libc = 'musl' if 'musl' in parts or 'musleabihf' in parts else ('glibc' if os_ == 'linux' else None)
    return os_, cpu, libc


added = []
for key, meta in list(packages.items()):
    for dep, version in (meta.get('optionalDependencies') or {}).items():
        entry = f'node_modules/{dep}'
        if entry in packages:
            continue
        os_, cpu, libc = platform(dep)
        if os_ is None or cpu is None:
            continue
        new = {'version': version, 'cpu': [cpu], 'os': [os_], 'optional': True}
        if libc is not None:
            new['libc'] = [libc]
        if meta.get('dev'):
            new['dev'] = True
        packages[entry] = new
        added.append(dep)

lock['packages'] = dict(sorted(packages.items(), key=lambda kv: (kv[0] != '', kv[0])))
json.dump(lock, open(path, 'w'), indent=2)
open(path, 'a').write('\n')
print(f'added {len(added)} foreign-platform lock entries')
