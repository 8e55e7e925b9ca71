#!/usr/bin/env bash
# Installs what TwinLab needs on a fresh Debian machine when it is missing: the system
# libraries from apt, and the Python side of the checks in a project virtual environment
# (.venv, from scripts/python-requirements.txt). Safe and fast to run again.
#
# The checks run Python through $TWINLAB_PYTHON; unset, it is .venv/bin/python, made here
# from Debian's /usr/bin/python3 (never a pip install into a system interpreter, which
# Debian marks externally managed, PEP 668). Set TWINLAB_PYTHON to use another interpreter
# that already has the packages; setup then only checks it.
set -euo pipefail
cd "$(dirname "$0")/.."

# `--tests` adds what only the tests need: a real single-node Slurm (scripts/slurm-up.sh).
packages=(libhdf5-dev libgsl-dev libsqlite3-dev hdf5-tools)
[ "${1:-}" = "--tests" ] && packages+=(slurmctld slurmd slurm-client munge)
apt_missing=()
for pkg in "${packages[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || apt_missing+=("$pkg")
done
base_python=/usr/bin/python3
if [ -z "${TWINLAB_PYTHON:-}" ]; then
  [ -x "$base_python" ] || apt_missing+=(python3)
  # Debian splits venv and ensurepip out of the interpreter package.
  { [ -x "$base_python" ] && "$base_python" -c "import venv, ensurepip" 2>/dev/null; } || apt_missing+=(python3-venv)
fi
if [ ${#apt_missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "setup: apt-get install ${apt_missing[*]}" >&2
  $SUDO apt-get update -qq
  # No recommends: the Slurm daemons would pull in 35 more packages they do not need here.
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${apt_missing[@]}" >/dev/null
fi

modules="import h5py, pandas, jsonschema, yaml, minari, PIL, nbclient, ipykernel, matplotlib, SALib, selenium"
if [ -n "${TWINLAB_PYTHON:-}" ]; then
  "$TWINLAB_PYTHON" -c "$modules" || {
    echo "setup: TWINLAB_PYTHON=$TWINLAB_PYTHON lacks packages of scripts/python-requirements.txt" >&2
    exit 1
  }
  exit 0
fi

# The stamp holds the requirements' hash: a second run with nothing changed costs one
# interpreter start.
venv=.venv
stamp="$venv/.twinlab-requirements"
want=$(sha256sum scripts/python-requirements.txt | cut -d' ' -f1)
if [ -x "$venv/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ] \
   && "$venv/bin/python" -c "$modules" 2>/dev/null; then
  exit 0
fi
[ -x "$venv/bin/python" ] || { echo "setup: creating $venv" >&2; "$base_python" -m venv "$venv"; }
echo "setup: installing scripts/python-requirements.txt into $venv" >&2
"$venv/bin/python" -m pip install -q --disable-pip-version-check -r scripts/python-requirements.txt
"$venv/bin/python" -c "$modules"
echo "$want" > "$stamp"
