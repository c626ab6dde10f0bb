#!/usr/bin/env bash
# tools/slurm/ on a real Slurm: a one-node cluster started here (munged,
# slurmctld, slurmd, each in the foreground and stopped by its PID), the
# ingest job array of 4 tasks over the shared corpus (text and born-digital
# PDFs, OCR off), the merge job after it (afterok), and checks:
#   - the merged database equals one single-machine ingest of the same file
#     list, table by table, ids and run rows aside (canonical_dump);
#   - a task killed mid-shard blocks the merge (afterok); submitting again
#     runs only that task, which resumes its shard, then the merge;
#   - submitting again changes nothing (no task runs, the merge adds nothing).
# Every file it writes is under one temporary folder, the Slurm and munge
# configuration included; nothing of the system's is changed.  A daemon
# that does not start fails the test with its log.
#
# Needs root (munged runs as the munge user, the Slurm daemons as root),
# slurm-wlm and munge (tools/lib.sh installs them), CLSDB_BIN and
# CANONICAL_DUMP (set by CTest).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
clsdb=${CLSDB_BIN:?CLSDB_BIN is not set (run through ctest)}
dump=${CANONICAL_DUMP:?CANONICAL_DUMP is not set (run through ctest)}
corpus=$root/../shared/corpus
shards=4
started=$SECONDS

fail() {
  echo "FAIL: $*" >&2
  exit 1
}
[ "$(id -u)" = 0 ] || fail "runs as root: it starts munged and the Slurm daemons"
for tool in munged slurmctld slurmd sbatch squeue scontrol sinfo scancel; do
  command -v "$tool" >/dev/null || fail "$tool is missing: tools/lib.sh installs slurm-wlm and munge"
done
if [ ! -d "$corpus/text" ] || [ ! -d "$corpus/pdf" ]; then fail "no shared corpus at $corpus"; fi

tmp=$(mktemp -d /tmp/clsdb-slurm-test.XXXXXX)
chmod 755 "$tmp"
daemon_pids=()
one_pid=""
show_logs() {
  for log in "$tmp"/log/*.log "$tmp"/munge/munged.log "$tmp"/scratch/logs/*.log; do
    [ -e "$log" ] || continue
    echo "---- $log (last 40 lines)" >&2
    tail -n 40 "$log" >&2
  done
}
cleanup() {
  local rc=$?
  set +e
  if [ "$rc" != 0 ]; then show_logs; fi
  if [ -n "${one_pid:-}" ]; then kill -KILL "$one_pid" 2>/dev/null; fi
  # Jobs first, while slurmctld can still cancel them, then the daemons.
  if [ -n "${SLURM_CONF:-}" ] && [ ${#daemon_pids[@]} -ge 2 ]; then
    scancel --full --quiet -u root 2>/dev/null
    for _ in $(seq 50); do
      [ -z "$(squeue -h -o %i 2>/dev/null)" ] && break
      sleep 0.2
    done
  fi
  # slurmd, slurmctld, then munged (the last started stops first).
  local i pid
  for ((i = ${#daemon_pids[@]} - 1; i >= 0; i--)); do
    pid=${daemon_pids[i]}
    kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  done
  rm -rf "$tmp"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Two free TCP ports for slurmctld and slurmd, away from Slurm's defaults
# (6817, 6818) so that another cluster on this machine does not matter.
free_port() {
  local port
  for _ in $(seq 100); do
    port=$((20000 + RANDOM % 20000))
    if ! (: <"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  fail "no free TCP port"
}
ctld_port=$(free_port)
slurmd_port=$(free_port)
[ "$ctld_port" != "$slurmd_port" ] || slurmd_port=$((ctld_port + 1))

# munge: a key of its own and a socket in $tmp; munged refuses a key that
# others may read, or a folder that others may write to, hence the modes.
# Its socket's folder must be open to all (clients connect as any user).
mkdir -p "$tmp/munge" "$tmp/munge-key" "$tmp/log" "$tmp/state" "$tmp/spool" "$tmp/scratch" \
  "$tmp/local"
dd if=/dev/urandom of="$tmp/munge-key/munge.key" bs=1024 count=1 status=none
chown -R munge:munge "$tmp/munge" "$tmp/munge-key"
chmod 755 "$tmp/munge"
chmod 700 "$tmp/munge-key"
chmod 400 "$tmp/munge-key/munge.key"
socket=$tmp/munge/munge.socket
# setpriv execs munged: the PID started here is the daemon's own.
setpriv --reuid=munge --regid=munge --init-groups munged -F --socket="$socket" --key-file="$tmp/munge-key/munge.key" \
  --log-file="$tmp/munge/munged.log" --pid-file="$tmp/munge/munged.pid" \
  --seed-file="$tmp/munge/munged.seed" >"$tmp/log/munged-stdout.log" 2>&1 &
daemon_pids+=($!)
for _ in $(seq 100); do
  [ -S "$socket" ] && break
  kill -0 "${daemon_pids[0]}" 2>/dev/null || break
  sleep 0.1
done
[ -S "$socket" ] || fail "munged did not start"

# The node is this machine, as slurmd -C sees it.
node_line=$(slurmd -C | head -n 1)
node=$(hostname)
[[ $node_line == "NodeName=$node "* ]] || fail "slurmd -C says '$node_line', hostname says '$node'"
export SLURM_CONF=$tmp/slurm.conf
cat >"$SLURM_CONF" <<EOF
ClusterName=clsdb-test
SlurmctldHost=$node
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MinJobAge=600
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/log/slurmctld.log
SlurmdLogFile=$tmp/log/slurmd.log
$node_line State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
slurmctld -D -c -f "$SLURM_CONF" >"$tmp/log/slurmctld-stdout.log" 2>&1 &
daemon_pids+=($!)
slurmd -D -f "$SLURM_CONF" >"$tmp/log/slurmd-stdout.log" 2>&1 &
daemon_pids+=($!)

# The file list: the shared corpus's text and born-digital PDFs, and its
# scans (read with --ocr off: partial documents, also to be merged).
list=$tmp/scratch/files.txt
(cd "$corpus" && find text pdf -type f \( -name '*.txt' -o -name '*.pdf' \) | LC_ALL=C sort) >"$list"
files=$(wc -l <"$list")
[ "$files" -ge 4 ] || fail "only $files files in $corpus/text and $corpus/pdf"

# The single-machine ingest of the same list, while the cluster starts.
"$clsdb" ingest --db "$tmp/one.sqlite" --jobs 2 --ocr off --files-from "$list" \
  --root "$corpus" >"$tmp/log/one-ingest.log" 2>&1 &
one_pid=$!

for ((i = 0; ; i++)); do
  state=$(sinfo -h -N -n "$node" -o %t 2>/dev/null || true)
  [ "$state" = idle ] && break
  for pid in "${daemon_pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || fail "a Slurm daemon exited (pid $pid)"
  done
  [ "$i" -lt 300 ] || fail "node $node not idle after 60 s (state '$state')"
  sleep 0.2
done
echo "cluster up in $((SECONDS - started)) s: node $node, ports $ctld_port/$slurmd_port"

one_rc=0
wait "$one_pid" || one_rc=$?
one_pid=""
[ "$one_rc" -le 1 ] || fail "single-machine ingest exited with $one_rc: $(cat "$tmp/log/one-ingest.log")"

# clsdb as the tasks run it, except that the task of shard 2 is killed
# (SIGKILL) once its first document is stored, the first time it runs: a
# node lost mid-task.
cat >"$tmp/clsdb-killed-once" <<EOF
#!/usr/bin/env bash
if [ ! -e "$tmp/killed-once" ] && [[ " \$* " == *" --shard 2/$shards "* ]]; then
  touch "$tmp/killed-once"
  "$clsdb" "\$@" &
  pid=\$!
  db=\$3  # ingest --db PATH ...
  for _ in \$(seq 600); do
    [ "\$(sqlite3 "\$db" 'SELECT count(*) FROM documents' 2>/dev/null)" -ge 1 ] 2>/dev/null && break
    kill -0 \$pid 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL \$pid
  exit 137
fi
exec "$clsdb" "\$@"
EOF
chmod +x "$tmp/clsdb-killed-once"

export CLSDB=$tmp/clsdb-killed-once INPUT_ROOT=$corpus SCRATCH=$tmp/scratch
export OUT_DB=$tmp/scratch/merged.sqlite SHARDS=$shards CPUS_PER_TASK=1 TIME_LIMIT=15:00
export INGEST_OPTIONS="--ocr off" SHARD_WORKDIR=$tmp/local

job_ids() { sed -n 's/.*job\( array\)\{0,1\} \([0-9][0-9]*\).*/\2/p' <<<"$1"; }
# How many records of a job (one per task of an array) are in each JobState.
job_states() { scontrol -o show job "$1" | grep -o 'JobState=[A-Z_]*' | sort | uniq -c | xargs; }

# Waits for the jobs that tools/slurm/submit printed ($1) to leave the
# queue, and checks that every one of them completed.
wait_for_jobs() {
  local jobs job state
  jobs=$(job_ids "$1")
  [ -n "$jobs" ] || fail "no job id in the output of tools/slurm/submit: $1"
  for ((i = 0; ; i++)); do
    [ -z "$(squeue -h -o %i)" ] && break
    if squeue -h -o %r | grep -q DependencyNeverSatisfied; then
      fail "an ingest task failed: the merge job will never run"
    fi
    [ "$i" -lt 1500 ] || fail "jobs still queued after 300 s: $(squeue)"
    sleep 0.2
  done
  for job in $jobs; do
    state=$(scontrol -o show job "$job" | grep -o 'JobState=[A-Z_]*' | sort -u | xargs)
    [ "$state" = "JobState=COMPLETED" ] || fail "job $job ended in $(job_states "$job")"
  done
}

# 1. The array, one task killed: the merge job waits on afterok for ever.
out=$("$root/tools/slurm/submit")
echo "$out"
read -r array_job merge_job < <(job_ids "$out" | xargs)
for ((i = 0; ; i++)); do
  if [ -z "$(squeue -h -j "$array_job" -o %i 2>/dev/null)" ] &&
    squeue -h -j "$merge_job" -o %r 2>/dev/null | grep -q DependencyNeverSatisfied; then
    break
  fi
  [ "$i" -lt 1500 ] || fail "the merge job is not blocked after 300 s: $(squeue)"
  sleep 0.2
done
[ -e "$tmp/killed-once" ] || fail "the task of shard 2 did not run"
[ "$(job_states "$array_job")" = "3 JobState=COMPLETED 1 JobState=FAILED" ] ||
  fail "array $array_job: $(job_states "$array_job"), expected 3 completed and 1 failed"
[ ! -e "$SCRATCH/shards/shard-2.sqlite" ] || fail "the killed task left a shard in $SCRATCH/shards"
[ ! -e "$OUT_DB" ] || fail "the merge ran after a failed task"
scancel "$merge_job"
echo "shard 2 killed: 3 of 4 tasks completed, merge blocked, at $((SECONDS - started)) s"

# 2. Submitted again: only shard 2's task (it resumes its partial
# database), then the merge; the result equals the single-machine ingest.
out=$("$root/tools/slurm/submit")
echo "$out"
grep -q "1 of $shards shards" <<<"$out" || fail "expected one task submitted again: $out"
wait_for_jobs "$out"
[ -e "$OUT_DB" ] || fail "the merge job left no $OUT_DB"
for ((k = 0; k < shards; k++)); do
  [ -e "$SCRATCH/shards/shard-$k.sqlite" ] || fail "no shard $k"
done
"$dump" "$tmp/one.sqlite" >"$tmp/one.dump"
"$dump" "$OUT_DB" >"$tmp/merged.dump"
diff -u "$tmp/one.dump" "$tmp/merged.dump" >&2 ||
  fail "the merged database differs from the single-machine ingest"
documents=$(sqlite3 "$OUT_DB" 'SELECT count(*) FROM documents')
[ "$documents" = "$files" ] || fail "$documents documents merged, $files files listed"
runs=$(sqlite3 "$SCRATCH/shards/shard-2.sqlite" 'SELECT count(*) FROM runs')
[ "$runs" = 2 ] || fail "shard 2 holds $runs runs, expected the killed one and its rerun"
echo "array + rerun + merge: equal to one ingest ($documents documents) at $((SECONDS - started)) s"

# 3. Submitted again with every shard there: no task, and a merge that adds
# nothing (run rows included).
"$dump" "$OUT_DB" --with-runs >"$tmp/before.dump"
out=$("$root/tools/slurm/submit")
grep -q 'job array' <<<"$out" && fail "tasks submitted again with every shard done: $out"
wait_for_jobs "$out"
"$dump" "$OUT_DB" --with-runs >"$tmp/after.dump"
diff -u "$tmp/before.dump" "$tmp/after.dump" >&2 || fail "merging the same shards again changed $OUT_DB"
echo "PASS in $((SECONDS - started)) s"
