#!/usr/bin/env bash
# Installs what TwinLab needs on a fresh Debian machine (system libraries, Python
# checks) when it is missing. Safe to run repeatedly.
set -euo pipefail
missing=()
for pkg in libhdf5-dev libgsl-dev libsqlite3-dev hdf5-tools; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# h5py + pandas read TwinLab's HDF5 files in the interoperability tests; jsonschema + PyYAML
# check scenario files against the schema `twinlab schema` prints.
python3 -c "import h5py, pandas, jsonschema, yaml" 2>/dev/null || python3 -m pip install -q h5py pandas jsonschema pyyaml
# minari (with pillow, which its HDF5 backend imports) loads the offline-RL datasets
# `twinlab export minari` writes; the export tests load them.
python3 -c "import minari, PIL" 2>/dev/null || python3 -m pip install -q "minari==0.5.4" pillow
