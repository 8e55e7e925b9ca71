#!/usr/bin/env bash
# Starts a private single-node Slurm cluster on this machine, for trying
# `twinlab experiment sbatch` and for the tests: munged, slurmctld and slurmd, all as the
# current user (root in CI), everything under $SLURM_BASE (default: a new temporary folder),
# no systemd, no cgroups, bound to 127.0.0.1. Prints the environment to use it:
#
#   eval "$(scripts/slurm-up.sh)"     # sets SLURM_CONF and SLURM_BASE
#   sbatch ...; squeue; ...
#   scripts/slurm-down.sh              # stops what this started
#
# Needs Debian's slurmctld, slurmd, slurm-client and munge (scripts/setup.sh --tests).
set -euo pipefail
for tool in munged slurmctld slurmd sbatch squeue scontrol sinfo; do
  command -v "$tool" >/dev/null || PATH="$PATH:/usr/sbin"
  command -v "$tool" >/dev/null || { echo "slurm-up: $tool is missing (scripts/setup.sh --tests installs it)" >&2; exit 1; }
done
base=${SLURM_BASE:-$(mktemp -d /tmp/twinlab-slurm.XXXXXX)}
mkdir -p "$base"/{etc,state,spool,log,run,munge}
chmod 700 "$base/munge"
node=$(hostname -s)
cpus=$(nproc)
memory=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 1024 ))
user=$(id -un)
# Another cluster on this machine (a second test run, another checkout) may hold Slurm's usual
# ports 6817/6818: take the first free pair from there, or SLURM_PORT (slurmctld; slurmd one above).
port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=${SLURM_PORT:-}
if [ -z "$port" ]; then
  for candidate in $(seq 6817 2 6915); do
    if ! port_taken "$candidate" && ! port_taken $((candidate + 1)); then port=$candidate; break; fi
  done
fi
[ -n "$port" ] || { echo "slurm-up: no free port pair in 6817-6916 (set SLURM_PORT)" >&2; exit 1; }
# munged refuses keys that others can read.
dd if=/dev/urandom of="$base/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$base/munge/munge.key"
cat > "$base/etc/slurm.conf" <<CONF
ClusterName=twinlab
SlurmctldHost=$node(127.0.0.1)
SlurmUser=$user
SlurmdUser=$user
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$base/munge/munge.socket
SlurmctldPort=$port
SlurmdPort=$((port + 1))
StateSaveLocation=$base/state
SlurmdSpoolDir=$base/spool
SlurmctldPidFile=$base/run/slurmctld.pid
SlurmdPidFile=$base/run/slurmd.pid
SlurmctldLogFile=$base/log/slurmctld.log
SlurmdLogFile=$base/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$base/log/jobcomp.txt
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
# Without these, each wave of array tasks waits the default 3 s batch delay.
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
MaxArraySize=100001
SlurmdTimeout=30
InactiveLimit=0
KillWait=5
# Finished jobs stay in slurmctld's memory for an hour: without slurmdbd there is no sacct, and
# `scontrol show job` is where a test reads each array task's end state and exit code.
MinJobAge=3600
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=local Nodes=ALL Default=YES MaxTime=INFINITE State=UP OverSubscribe=NO
CONF
export SLURM_CONF="$base/etc/slurm.conf"
# The daemons inherit every descriptor this script holds and keep them for their lifetime. A
# caller that learns of this script's end from one of them (Foundation's Process waits for a
# socket it passes down to close; a `$(...)` waits for a pipe) would wait for the daemons, so
# only stdin, stdout, stderr and bash's own script descriptor (255) go on.
for fd in /proc/$$/fd/*; do
  fd=${fd##*/}
  case "$fd" in 0|1|2|255) ;; *) eval "exec $fd>&-" 2>/dev/null || true ;; esac
done
munged --force --key-file="$base/munge/munge.key" --socket="$base/munge/munge.socket" \
  --pid-file="$base/run/munged.pid" --log-file="$base/log/munged.log" --seed-file="$base/munge/seed"
slurmctld -c -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF" -N "$node"
for _ in $(seq 1 300); do
  state=$(sinfo -h -n "$node" -o %T 2>/dev/null || true)
  case "$state" in idle*|mixed*|allocated*) break ;; esac
  sleep 0.1
done
case "$state" in
  idle*|mixed*|allocated*) ;;
  *) echo "slurm-up: node $node is '${state:-unknown}' after 30 s; logs in $base/log" >&2; exit 1 ;;
esac
echo "export SLURM_CONF='$SLURM_CONF' SLURM_BASE='$base'"
