#!/usr/bin/env bash
# The installed tool as users run it, measured for docs/performance.md: cold start against `dotnet hello.dll`, and
# time and peak memory (maximum resident set size) of `policylint lint <folder>` on the synthetic tenant at 2,000 and
# 20,000 profiles (~100 MB and ~1 GB), and of the 5-file folder. Everything in one run, so the numbers compare.
#
#   tests/PolicyLint.Benchmarks/scripts/measure-cli.sh [baseline-git-ref ...]
#
# With git refs (e.g. the commit before a change), those versions are packed and installed too and measured in the
# same run. Needs hyperfine and GNU time (Debian: apt-get install hyperfine time). Work files go to $OUT
# (default /tmp/policylint-measure); the 20,000-profile tenant needs about 1 GB of disk there. On a shared machine,
# MAX_LOAD=6 waits (up to WAIT_SECONDS, default 1800) before each measurement until the 1-minute load average is
# below 6; ONLY=cold-start skips the tenants; REUSE=1 keeps tools installed by an earlier run.
set -euo pipefail
cd "$(dirname "$0")/../../.."
root=$(pwd)
out=${OUT:-/tmp/policylint-measure}
runs=${RUNS:-3}
only=${ONLY:-}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

command -v hyperfine >/dev/null || { echo "hyperfine is missing: apt-get install hyperfine"; exit 2; }
[ -x /usr/bin/time ] || { echo "GNU time is missing: apt-get install time"; exit 2; }
mkdir -p "$out"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

cat > "$out/nuget.config" <<'EOF'
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
  </packageSources>
</configuration>
EOF

# Packs the CLI of a source tree and installs it as users do (dotnet tool install from the packed folder).
install_tool() {
  local source=$1 name=$2
  # REUSE=1 keeps a tool installed by an earlier run in $OUT (packing takes minutes on a loaded machine).
  if [ -n "${REUSE:-}" ] && [ -x "$out/$name-tool/policylint" ]; then echo "$name: reused from $out/$name-tool"; return; fi
  rm -rf "$out/$name-feed" "$out/$name-tool"
  dotnet pack "$source/src/PolicyLint.Cli" -c Release -o "$out/$name-feed" > "$out/$name-pack.log"
  dotnet tool install PolicyLint --tool-path "$out/$name-tool" --configfile "$out/nuget.config" --add-source "$out/$name-feed" > /dev/null
  echo "$name: $(ls "$out/$name-feed" | tr '\n' ' ')"
}

# Waits until the machine is quiet enough (MAX_LOAD), so other work disturbs the measurement less.
wait_for_quiet() {
  [ -n "${MAX_LOAD:-}" ] || return 0
  local waited=0
  while awk -v max="$MAX_LOAD" '{ exit !($1 >= max) }' /proc/loadavg && [ "$waited" -lt "${WAIT_SECONDS:-1800}" ]; do
    sleep 15; waited=$((waited + 15))
  done
  echo "load average before measuring: $(cut -d' ' -f1-3 /proc/loadavg) (waited ${waited} s)"
}

install_tool "$root" current
tools=(current)
for ref in "$@"; do
  name="baseline-$ref"
  rm -rf "$out/$name-src" && mkdir -p "$out/$name-src"
  git archive "$ref" | tar -x -C "$out/$name-src"
  install_tool "$out/$name-src" "$name"
  tools+=("$name")
done

# The reference start: the smallest console program, run the way `dotnet tool` users run dlls.
mkdir -p "$out/hello"
cat > "$out/hello/hello.csproj" <<'EOF'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
</Project>
EOF
echo 'System.Console.WriteLine("Hello, World!");' > "$out/hello/Program.cs"
dotnet build "$out/hello" -c Release -o "$out/hello/bin" > /dev/null

# The synthetic tenant, from the generator every benchmark uses.
dotnet build tests/PolicyLint.Benchmarks -c Release > /dev/null
tenants=(2000 20000)
[ "$only" = cold-start ] && tenants=()
for profiles in "${tenants[@]}"; do
  if [ ! -d "$out/tenant-$profiles" ]; then
    dotnet tests/PolicyLint.Benchmarks/bin/Release/net10.0/PolicyLint.Benchmarks.dll generate "$out/tenant-$profiles" "$profiles"
  fi
done

# The 5-file folder: samples/intune copied out of the repository, so no .policylint.yml above it is read.
rm -rf "$out/five-files" && cp -r samples/intune "$out/five-files"

echo
wait_for_quiet
echo "## cold start: lint of a 5-file folder (samples/intune) against dotnet hello.dll"
commands=("dotnet $out/hello/bin/hello.dll")
for tool in "${tools[@]}"; do
  commands+=("$out/$tool-tool/policylint lint $out/five-files")
done
# -i: the samples have findings, so policylint exits 1.
hyperfine -N -i --warmup 3 --runs 30 --export-markdown "$out/cold-start.md" "${commands[@]}"
[ "$only" = cold-start ] && { echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"; exit 0; }

echo
wait_for_quiet
echo "## lint <folder>: wall time and peak resident memory (median of $runs runs; the run with the median time)"
printf '%-9s %-11s %10s %12s\n' tool input seconds "peak KB"
for tool in "${tools[@]}"; do
  for input in five-files tenant-2000 tenant-20000; do
    results=()
    for _ in $(seq "$runs"); do
      # Findings make policylint exit 1; GNU time then writes a status line before its own.
      /usr/bin/time -f '%e %M' -o "$out/time.txt" "$out/$tool-tool/policylint" lint "$out/$input" > /dev/null 2>&1 || true
      results+=("$(tail -1 "$out/time.txt")")
    done
    median=$(printf '%s\n' "${results[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
    printf '%-9s %-11s %10s %12s\n' "$tool" "$input" $median
  done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
