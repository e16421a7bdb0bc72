#!/usr/bin/env bash
# A one-node SLURM cluster on this machine, for tests and trials: its own munge key and socket, its
# own slurm.conf, state, spool and logs, all under one folder; nothing system-wide is touched.
# Needs Debian's slurm-wlm and munge (apt-get install slurm-wlm munge) and root (slurmd runs jobs
# as their submitter).
#
#   scripts/slurm/local-cluster.sh start <folder> [port]   starts munged, slurmctld, slurmd; prints
#                                                         export SLURM_CONF=<folder>/slurm.conf
#   scripts/slurm/local-cluster.sh stop <folder>          stops the three daemons it started
#
# With SLURM_CONF exported, sbatch/squeue/scancel talk to this cluster (and submit.sh works).
set -euo pipefail

cmd=${1:-}
dir=${2:-}
port=${3:-16817}
if [ -z "$cmd" ] || [ -z "$dir" ]; then
	echo "Usage: $0 start|stop <folder> [port]" >&2
	exit 2
fi
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

stop_pid() {
	local f=$1
	if [ -f "$f" ]; then
		local pid
		pid=$(cat "$f")
		if kill -0 "$pid" 2>/dev/null; then
			kill "$pid" 2>/dev/null || true
			for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
			kill -9 "$pid" 2>/dev/null || true
		fi
		rm -f "$f"
	fi
}

case "$cmd" in
stop)
	stop_pid "$dir/run/slurmd.pid"
	stop_pid "$dir/run/slurmctld.pid"
	stop_pid "$dir/munge/munged.pid"
	exit 0
	;;
start) ;;
*)
	echo "Unknown command $cmd (start or stop)" >&2
	exit 2
	;;
esac

for tool in munged slurmctld slurmd sbatch sinfo; do
	command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || {
		echo "$tool not found: apt-get install slurm-wlm munge" >&2
		exit 3
	}
done
export PATH="$PATH:/usr/sbin"
[ "$(id -u)" = 0 ] || { echo "slurmd must run as root" >&2; exit 3; }

mkdir -p "$dir/munge" "$dir/state" "$dir/spool" "$dir/log" "$dir/run"
chmod 700 "$dir/munge"
if [ ! -f "$dir/munge/munge.key" ]; then
	dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 status=none
	chmod 400 "$dir/munge/munge.key"
fi
socket="$dir/munge/munge.socket"
munged --force --key-file="$dir/munge/munge.key" --socket="$socket" --pid-file="$dir/munge/munged.pid" \
	--log-file="$dir/munge/munged.log" --seed-file="$dir/munge/munged.seed"

host=$(hostname -s)
cpus=$(nproc)
memory=$(awk '/MemTotal/ { print int($2 / 1024 * 0.9) }' /proc/meminfo)
cat >"$dir/slurm.conf" <<CONF
ClusterName=emotion-tracking-local
SlurmctldHost=$host
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$socket
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/run/slurmctld.pid
SlurmdPidFile=$dir/run/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
SlurmctldTimeout=30
SlurmdTimeout=30
MinJobAge=300
NodeName=$host CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=local Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$dir/slurm.conf"
slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF"
for _ in $(seq 100); do
	if sinfo -h -o %T 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; then
		echo "export SLURM_CONF=$SLURM_CONF"
		exit 0
	fi
	sleep 0.2
done
echo "The cluster did not come up; logs in $dir/log and $dir/munge" >&2
sinfo >&2 || true
exit 1
