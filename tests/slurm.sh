# tests/slurm.sh: a real Slurm on this machine for one test, sourced after
# lib.sh (Debian's slurm-wlm and munge; scripts/install-deps --test).
#
#   slurm_start   munged, slurmctld and slurmd (one node: this host, 2 CPUs)
#                 with their key, sockets, state, spool and logs in
#                 $SCRATCH/slurm, on free ports; exports SLURM_CONF
#   slurm_stop    stops the three (by the PIDs it started), idempotent;
#                 called on exit
#   slurm_logs    the daemons' last log lines, for a failure
#
# Nothing of the machine's is used or changed: no /etc/slurm, no system
# munged; the daemons run as the test's user (they need to be root to
# start jobs, which the test suite is when it installs its packages).

SL=$SCRATCH/slurm
SL_PIDS=()

slurm_stop() {
	local p
	if [ -n "${SLURM_CONF:-}" ] && command -v scancel >/dev/null; then
		scancel --quiet --full --user="$(id -un)" 2>/dev/null || true
	fi
	for p in "${SL_PIDS[@]}"; do
		kill "$p" 2>/dev/null || true
	done
	for p in "${SL_PIDS[@]}"; do
		for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
		kill -9 "$p" 2>/dev/null || true
		wait "$p" 2>/dev/null || true
	done
	SL_PIDS=()
}
trap 'slurm_stop; rm -rf "$SCRATCH"' EXIT

# A TCP port nobody listens on, from 20000 up.
free_port() {
	local p
	for _ in $(seq 50); do
		p=$((20000 + (RANDOM * 7 + $$) % 30000))
		ss -Htln "sport = :$p" 2>/dev/null | grep -q . && continue
		ss -Htln "sport = :$((p + 1))" 2>/dev/null | grep -q . && continue
		echo "$p"
		return 0
	done
	return 1
}

slurm_logs() {
	local f
	for f in "$SL"/log/*; do
		echo "== $f"
		tail -n 15 "$f"
	done
}

slurm_start() {
	local host port
	for t in munged slurmctld slurmd sbatch squeue scancel sinfo; do
		command -v "$t" >/dev/null || { fail "$t is missing (scripts/install-deps --test installs slurm-wlm and munge)"; return 1; }
	done
	mkdir -p "$SL/state" "$SL/spool" "$SL/log" "$SL/run"
	# munged wants its socket's directories searchable by all
	chmod 711 "$SCRATCH" "$SL"
	head -c 1024 /dev/urandom >"$SL/munge.key"
	chmod 600 "$SL/munge.key"
	munged --key-file="$SL/munge.key" --socket="$SL/munge.sock" --pid-file="$SL/run/munged.pid" \
		--log-file="$SL/log/munged.log" --seed-file="$SL/munge.seed" --foreground \
		>"$SL/log/munged.out" 2>&1 &
	SL_PIDS+=($!)
	for _ in $(seq 50); do [ -S "$SL/munge.sock" ] && break; sleep 0.1; done
	[ -S "$SL/munge.sock" ] || { fail "munged did not start"; slurm_logs; return 1; }

	host=$(hostname -s)
	port=$(free_port) || { fail "no free port for slurmctld"; return 1; }
	# MinJobAge=4: a finished job's record is kept 4 s (the default is 300),
	# so that `sbatch --wait` polls every 2 s: its sleep grows 2, 8, 32 s
	# while it is under MinJobAge/2 (sbatch.c, _job_wait), which had each
	# wait return up to 30 s after its jobs ended. The record outlives the
	# next poll: slurmctld purges old jobs once a minute.
	cat >"$SL/slurm.conf" <<EOF
ClusterName=podsynthtest
SlurmctldHost=$host(127.0.0.1)
SlurmUser=$(id -un)
SlurmdUser=$(id -un)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
AuthType=auth/munge
AuthInfo=socket=$SL/munge.sock
CredType=cred/munge
StateSaveLocation=$SL/state
SlurmdSpoolDir=$SL/spool
SlurmctldPidFile=$SL/run/slurmctld.pid
SlurmdPidFile=$SL/run/slurmd.pid
SlurmctldLogFile=$SL/log/slurmctld.log
SlurmdLogFile=$SL/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
KillWait=2
MinJobAge=4
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
NodeName=$host NodeAddr=127.0.0.1 CPUs=2 State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
	export SLURM_CONF=$SL/slurm.conf
	slurmctld -D -f "$SLURM_CONF" >"$SL/log/slurmctld.out" 2>&1 &
	SL_PIDS+=($!)
	slurmd -D -f "$SLURM_CONF" -N "$host" >"$SL/log/slurmd.out" 2>&1 &
	SL_PIDS+=($!)
	for _ in $(seq 100); do
		sinfo -h -o %T 2>/dev/null | grep -q idle && return 0
		sleep 0.2
	done
	fail "slurmctld and slurmd did not come up"
	slurm_logs
	return 1
}
