#!/usr/bin/env bash
# Stops the cluster scripts/slurm-up.sh started (SLURM_BASE and SLURM_CONF from its output):
# cancels jobs, shuts the daemons down by their PID files, stops munged, removes nothing else.
set -uo pipefail
base=${SLURM_BASE:?"slurm-down: SLURM_BASE is not set (eval the output of scripts/slurm-up.sh)"}
export SLURM_CONF=${SLURM_CONF:-$base/etc/slurm.conf}
PATH="$PATH:/usr/sbin"
scancel --user "$(id -un)" 2>/dev/null
scontrol shutdown 2>/dev/null
for daemon in slurmd slurmctld; do
  pidfile="$base/run/$daemon.pid"
  [ -f "$pidfile" ] || continue
  pid=$(cat "$pidfile")
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -TERM "$pid" 2>/dev/null
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
done
munged --stop --socket="$base/munge/munge.socket" 2>/dev/null || {
  [ -f "$base/run/munged.pid" ] && kill -TERM "$(cat "$base/run/munged.pid")" 2>/dev/null
}
exit 0
