#!/usr/bin/env bash
# Installs Autobahn TestSuite 25.10.1 into a Python 2.7 virtualenv under .build/autobahn (once).
# The suite is Python 2 code; its sdist declares no dependencies, so the pinned set comes from
# autobahn-py27-requirements.txt next to this script.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="$root/.build/autobahn/py27"
tools="$root/.build/autobahn/tools"
requirements="$(dirname "$0")/autobahn-py27-requirements.txt"

if [ -x "$venv/bin/wstest" ]; then exit 0; fi

python2=""
for candidate in python2.7 "$HOME/.pyenv/versions/2.7.18/bin/python2.7"; do
    if PYENV_VERSION=2.7.18 "$candidate" --version >/dev/null 2>&1; then python2="$candidate"; break; fi
done
if [ -z "$python2" ]; then
    echo "Autobahn needs Python 2.7 (e.g. pyenv install 2.7.18)." >&2
    exit 1
fi
python2="$(PYENV_VERSION=2.7.18 "$python2" -c 'import sys; print(sys.executable)')"

echo "Creating the Autobahn virtualenv with $python2 ..."
mkdir -p "$root/.build/autobahn"
python3 -m venv "$tools"
"$tools/bin/pip" install -q 'virtualenv<20.22'
"$tools/bin/virtualenv" -q -p "$python2" "$venv"
grep -v '^autobahntestsuite' "$requirements" | grep -v '^#' | "$venv/bin/pip" install -q -r /dev/stdin
"$venv/bin/pip" install -q --no-deps 'autobahntestsuite==25.10.1'
"$venv/bin/wstest" --help >/dev/null
echo "Autobahn TestSuite installed in $venv"
