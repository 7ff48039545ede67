#!/usr/bin/env bash
# Cold start of Lanterne, from `java -jar` to the first HTTP 200 on /:
#   - first run: an empty data directory (unpacks MariaDB, creates the database and schema, loads 37,590 communes
#     and the registry seed);
#   - later runs: the same data directory again.
# Baseline measured in the same run: the embedded MariaDB server alone, from the same binaries, to its first
# answered query (first run: mariadb-install-db on an empty folder, then mariadbd; later runs: mariadbd only).
# Usage: bench/startup.sh [first-run rounds] [later-run rounds]     Results: target/benchmarks/startup.md
set -euo pipefail
cd "$(dirname "$0")/.."
FIRST_ROUNDS=${1:-3}
LATER_ROUNDS=${2:-5}
JAR=target/lanterne.jar
[ -f "$JAR" ] || mvn -q -DskipTests package
WORK=$(pwd)/target/bench-startup
rm -rf "$WORK" && mkdir -p "$WORK" target/benchmarks
HTTP_PORT=18080
DB_PORT=18306
ms() { date +%s%3N; }

start_lanterne() {  # $1: data directory; prints the milliseconds to the first 200 on /
  local start end pid
  start=$(ms)
  java -jar "$JAR" --server.port=$HTTP_PORT --lanterne.data-dir="$1" > "$WORK/lanterne.log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HTTP_PORT/" || true)" = 200 ]; do
    kill -0 $pid 2>/dev/null || { echo "Lanterne stopped; see $WORK/lanterne.log" >&2; exit 1; }
    sleep 0.05
  done
  end=$(ms)
  kill $pid && wait $pid 2>/dev/null || true
  echo $((end - start))
}

start_mariadb() {  # $1: binaries, $2: data folder, $3: install first (yes/no); prints milliseconds to first query
  local bin=$1 data=$2 start end pid user=()
  [ "$(id -u)" = 0 ] && user=(--user=root)
  export LD_LIBRARY_PATH=$bin/libs
  start=$(ms)
  if [ "$3" = yes ]; then
    "$bin/scripts/mariadb-install-db" --no-defaults --basedir="$bin" --datadir="$data" --force --skip-name-resolve \
      "${user[@]}" > "$WORK/install.log" 2>&1
  fi
  "$bin/bin/mariadbd" --no-defaults --basedir="$bin" --datadir="$data" --port=$DB_PORT --bind-address=127.0.0.1 \
    --socket="$WORK/mariadb.sock" --skip-ssl --skip-grant-tables "${user[@]}" > "$WORK/mariadbd.log" 2>&1 &
  pid=$!
  until "$bin/bin/mariadb" -h 127.0.0.1 -P $DB_PORT -u root --skip-ssl -e 'SELECT 1' > /dev/null 2>&1; do sleep 0.05; done
  end=$(ms)
  kill $pid && wait $pid 2>/dev/null || true
  unset LD_LIBRARY_PATH
  echo $((end - start))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

first=() later=() base_first=() base_later=()
for i in $(seq "$FIRST_ROUNDS"); do
  first+=("$(start_lanterne "$WORK/data-$i")")
  base_first+=("$(start_mariadb "$WORK/data-$i/mariadb/server-11.4.5" "$WORK/baseline-$i" yes)")
done
for i in $(seq "$LATER_ROUNDS"); do
  later+=("$(start_lanterne "$WORK/data-1")")
  base_later+=("$(start_mariadb "$WORK/data-1/mariadb/server-11.4.5" "$WORK/baseline-1" no)")
done

m_first=$(printf '%s\n' "${first[@]}" | median)
m_later=$(printf '%s\n' "${later[@]}" | median)
m_base_first=$(printf '%s\n' "${base_first[@]}" | median)
m_base_later=$(printf '%s\n' "${base_later[@]}" | median)
{
  echo "| measurement | median (ms) | all rounds (ms) |"
  echo "|---|---:|---|"
  echo "| Lanterne, first run (empty data directory) to first HTTP 200 | $m_first | ${first[*]} |"
  echo "| Baseline: MariaDB alone, install + start to first query | $m_base_first | ${base_first[*]} |"
  echo "| Lanterne, later run (same data directory) to first HTTP 200 | $m_later | ${later[*]} |"
  echo "| Baseline: MariaDB alone, start to first query | $m_base_later | ${base_later[*]} |"
  echo
  awk -v a="$m_first" -v b="$m_base_first" -v c="$m_later" -v d="$m_base_later" \
    'BEGIN { printf "Ratios Lanterne / MariaDB alone (medians): first run %.1f, later runs %.1f\n", a / b, c / d }'
  echo
  echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1)."
} | tee target/benchmarks/startup.md
