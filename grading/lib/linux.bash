# linux.bash - a real Linux under the kit's QEMU, shared by make bench-linux
# and make selftests (sourced):
#   linux_image [IMAGE]   prints the vmlinuz to boot: IMAGE when given, else
#                         the newest readable /boot/vmlinuz-*, else Debian's
#                         linux-image package (the one linux-image-amd64
#                         depends on) fetched with apt-get download and
#                         unpacked with dpkg-deb under build/linux/image
#   newc_entry NAME MODE [FILE] [MAJOR MINOR]
#                         one file of a newc initramfs on stdout (no cpio
#                         needed); ends with newc_entry TRAILER!!! 0

linux_image() {
        local img=${1:-} dir=$root/build/linux/image pkg deb
        if [ -n "$img" ]; then
                [ -r "$img" ] || { echo "entrylab: cannot read $img" >&2; return 1; }
                echo "$img"
                return 0
        fi
        img=$(ls -v /boot/vmlinuz-* 2>/dev/null | while read -r f; do [ -r "$f" ] && echo "$f"; done | tail -n 1)
        [ -z "$img" ] && img=$(ls -v "$dir"/boot/vmlinuz-* 2>/dev/null | tail -n 1)
        if [ -z "$img" ]; then
                pkg=$(apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/ { print $2; exit }')
                [ -n "$pkg" ] || { echo "entrylab: no /boot/vmlinuz-* and apt knows no linux-image-amd64; give LINUX_IMAGE=/path/to/vmlinuz" >&2; return 1; }
                echo "entrylab: no /boot/vmlinuz-*: fetching Debian's $pkg into build/linux/image" >&2
                mkdir -p "$dir/deb"
                (cd "$dir/deb" && apt-get download -q "$pkg" >/dev/null 2>&1) &&
                        deb=$(ls "$dir"/deb/"$pkg"_*.deb 2>/dev/null | tail -n 1) && [ -n "$deb" ] &&
                        dpkg-deb -x "$deb" "$dir" ||
                        { echo "entrylab: apt-get download $pkg failed; give LINUX_IMAGE=/path/to/vmlinuz" >&2; return 1; }
                rm -f "$deb"
                img=$(ls -v "$dir"/boot/vmlinuz-* 2>/dev/null | tail -n 1)
        fi
        [ -n "$img" ] && [ -r "$img" ] || { echo "entrylab: no readable Linux image" >&2; return 1; }
        echo "$img"
}

# newc: "070701", 13 fields of 8 hex digits, the name and its NUL padded to
# a multiple of 4 (with the 110-byte header), the data padded likewise
newc_ino=0
newc_entry() {  # NAME MODE [FILE] [RDEVMAJOR RDEVMINOR]
        local name=$1 mode=$2 file=${3:-} size=0 namesize pad
        [ -n "$file" ] && size=$(stat -c %s "$file")
        namesize=$(( ${#name} + 1 ))
        newc_ino=$((newc_ino + 1))
        printf '070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X' \
                "$newc_ino" "$mode" 0 0 1 0 "$size" 0 0 "${4:-0}" "${5:-0}" "$namesize" 0
        printf '%s\0' "$name"
        pad=$(( (4 - (110 + namesize) % 4) % 4 ))
        head -c "$pad" /dev/zero
        if [ -n "$file" ]; then
                cat "$file"
                head -c $(( (4 - size % 4) % 4 )) /dev/zero
        fi
}
