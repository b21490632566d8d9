# listening.bash - listening PORT: something listens on localhost:PORT, on
# IPv4 or IPv6 (read from /proc, no tools needed; state 0A is LISTEN).
# Read by the shell itself: a caller polls it until QEMU's stub is up.
# Sourced by entrylab.bash and by boot.
listening() {
        local hex f local_addr remote state
        printf -v hex '%04X' "$1"
        for f in /proc/net/tcp /proc/net/tcp6; do
                [ -r "$f" ] || continue
                while read -r _ local_addr remote state _; do
                        [[ $local_addr == *:$hex && $remote == *:0000 && $state == 0A ]] && return 0
                done < "$f"
        done
        return 1
}
