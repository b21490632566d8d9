# jobs.bash - how many labs a grade may run side by side.
#
# nproc counts the CPUs this process may be scheduled on, not how much of
# them its container may use nor how much memory it has. Gradescope gives
# an autograder half a CPU (a CFS quota) and 768 MB by default, on machines
# where nproc says more: six labs side by side there take no less time than
# two, and their QEMUs, GDBs and bats processes outgrow the memory (six at
# once under 768 MB: the kernel's OOM killer ended four processes).
# Sourced by grade and mistakes.bash; ENTRYLAB_CGROUP_FS and
# ENTRYLAB_PROC_CGROUP let a test point it at a fake tree.

# the memory one lab's grade holds at its peak, in MiB. Measured with the
# reference, QEMU, GDB and bats together: lab 03 alone 299, lab 06 alone
# 322, some 75 of it page cache the kernel can take back; two labs side by
# side under 768 MiB peaked at 448.
ENTRYLAB_LAB_PEAK_MIB=${ENTRYLAB_LAB_PEAK_MIB:-300}

# cgroup_files NAME: each of NAME's files in this process's cgroups and in
# the cgroups above them, innermost first (v2, and v1's cpu and memory
# controllers). In a container the path /proc names may lie outside what
# is mounted: the mount's own top is the container's cgroup, read last.
cgroup_files() {
        local fs=${ENTRYLAB_CGROUP_FS:-/sys/fs/cgroup} self=${ENTRYLAB_PROC_CGROUP:-/proc/self/cgroup}
        local controllers path base dir
        [ -r "$self" ] || return 0
        while IFS=: read -r _ controllers path; do
                case "$1:,$controllers," in
                cpu.max:,,|memory.max:,,) base=$fs ;;
                cpu.cfs_quota_us:*,cpu,*) base=$fs/cpu; [ -d "$base" ] || base=$fs/cpu,cpuacct ;;
                memory.limit_in_bytes:*,memory,*) base=$fs/memory ;;
                *) continue ;;
                esac
                dir=${path%/}
                while :; do
                        [ -f "$base$dir/$1" ] && echo "$base$dir/$1"
                        [ -n "$dir" ] || break
                        dir=${dir%/*}
                done
        done < "$self"
}

# cpu_quota_cpus: the CPUs the tightest CPU quota allows, rounded up;
# nothing when no cgroup sets one
cpu_quota_cpus() {
        local f quota period best=
        while IFS= read -r f; do
                if [ "${f##*/}" = cpu.max ]; then
                        read -r quota period < "$f" || continue
                else
                        read -r quota < "$f" || continue
                        read -r period < "${f%/*}/cpu.cfs_period_us" || continue
                fi
                [[ $quota =~ ^[0-9]+$ && $period =~ ^[0-9]+$ ]] && (( period > 0 )) || continue  # max, -1: none
                quota=$(( (quota + period - 1) / period ))
                [ -z "$best" ] || (( quota < best )) && best=$quota
        done < <(cgroup_files cpu.max; cgroup_files cpu.cfs_quota_us)
        [ -z "$best" ] || echo "$best"
}

# memory_limit_mib: the tightest memory limit, in MiB; nothing when none
# is set (v1 writes "none" as a number near 2^63)
memory_limit_mib() {
        local f limit best=
        while IFS= read -r f; do
                read -r limit < "$f" || continue
                [[ $limit =~ ^[0-9]{1,18}$ ]] || continue       # max, or v1's "none"
                limit=$(( limit / 1048576 ))
                [ -z "$best" ] || (( limit < best )) && best=$limit
        done < <(cgroup_files memory.max; cgroup_files memory.limit_in_bytes)
        [ -z "$best" ] || echo "$best"
}

# grade_jobs: how many labs to grade at once: one per CPU, as few as the
# cgroup's CPU quota and memory allow, at least one
grade_jobs() {
        local n cap peak=$ENTRYLAB_LAB_PEAK_MIB
        [[ $peak =~ ^[0-9]+$ ]] && (( peak > 0 )) || peak=300
        n=$(nproc 2>/dev/null || echo 1)
        cap=$(cpu_quota_cpus)
        [ -n "$cap" ] && (( cap < n )) && n=$cap
        cap=$(memory_limit_mib)
        [ -n "$cap" ] && (( cap / peak < n )) && n=$(( cap / peak ))
        (( n < 1 )) && n=1
        echo "$n"
}
