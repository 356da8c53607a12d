#!/usr/bin/env bash
# Prepares the interop suite's servers and clients on this machine. Idempotent; run as root.
#
#  - Cyrus IMAP/POP3 and Courier IMAP/POP3 from Debian packages, extracted (never installed: their packages declare
#    Conflicts: imap-server/pop3-server and `apt-get install` would REMOVE Dovecot) into a private root:
#    $MAILSYNC_INTEROP_HOME/root (default /var/cache/mailsync-interop/root). The launchers in
#    interop/src/test/java/io/mailsync/interop read it from there.
#  - the system user `mailsync-interop` that owns their mail (Cyrus refuses to run as root; mail owned by root is
#    refused by Courier and Dovecot alike).
#  - the real clients the suite drives as "other devices": mbsync (isync), mutt, fetchmail. These do not conflict
#    with Dovecot, so they are installed normally.
set -euo pipefail

HOME_DIR="${MAILSYNC_INTEROP_HOME:-/var/cache/mailsync-interop}"
DEBS="$HOME_DIR/debs"
ROOT="$HOME_DIR/root"
USER_NAME=mailsync-interop

# What the machine lacks for each server (checked on a bookworm machine with Dovecot installed); extracting a
# library the machine already has is harmless: the launchers put the private root's libraries first.
CYRUS_PACKAGES=(cyrus-common cyrus-imapd cyrus-pop3d sasl2-bin libical3 libpcre3 libxapian30 libclamav12 libzephyr4)
COURIER_PACKAGES=(courier-base courier-imap courier-pop courier-authdaemon courier-authlib courier-authlib-userdb
  libcourier-unicode4 libgamin0 gamin libidn12 libltdl7)
CLIENT_PACKAGES=(isync mutt fetchmail)

if [[ $(id -u) -ne 0 ]]; then
  echo "fetch-servers: must run as root (it creates a system user and installs the clients)" >&2
  exit 1
fi

apt_updated=no
apt_update_once() {
  if [[ $apt_updated == no ]]; then
    apt-get update -qq
    apt_updated=yes
  fi
}

# 1. the clients
missing_clients=()
command -v mbsync >/dev/null || missing_clients+=(isync)
command -v mutt >/dev/null || missing_clients+=(mutt)
command -v fetchmail >/dev/null || missing_clients+=(fetchmail)
if (( ${#missing_clients[@]} > 0 )); then
  echo "fetch-servers: installing ${missing_clients[*]}"
  apt_update_once
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing_clients[@]}" >/dev/null
fi

# 2. the system user
if ! getent passwd "$USER_NAME" >/dev/null; then
  useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$USER_NAME"
fi

# 3. the servers, extracted into a private root
wanted="${CYRUS_PACKAGES[*]} ${COURIER_PACKAGES[*]}"
if [[ -f "$ROOT/.ready" && "$(cat "$ROOT/.ready")" == "$wanted" ]]; then
  echo "fetch-servers: $ROOT is ready"
  exit 0
fi

mkdir -p "$DEBS"
chmod 755 "$HOME_DIR" "$DEBS"
cd "$DEBS"
# apt-get download writes as _apt where it can; a root-only folder just makes it warn
if ! apt-get download -qq "${CYRUS_PACKAGES[@]}" "${COURIER_PACKAGES[@]}" 2>/dev/null; then
  apt_update_once
  apt-get download -qq "${CYRUS_PACKAGES[@]}" "${COURIER_PACKAGES[@]}"
fi

rm -rf "$ROOT.tmp"
mkdir -p "$ROOT.tmp"
for package in "${CYRUS_PACKAGES[@]}" "${COURIER_PACKAGES[@]}"; do
  # the newest downloaded version of each package (a cache may hold an older one too)
  deb=$(ls -1 "${package}"_*.deb | sort -V | tail -n 1)
  dpkg-deb -x "$deb" "$ROOT.tmp"
done
# bookworm is usr-merged: libpcre3 still ships in /lib; keep one library folder
if [[ -d "$ROOT.tmp/lib" ]]; then
  cp -a "$ROOT.tmp/lib/." "$ROOT.tmp/usr/lib/"
  rm -rf "$ROOT.tmp/lib"
fi
chmod 755 "$ROOT.tmp"
echo "$wanted" > "$ROOT.tmp/.ready"
rm -rf "$ROOT"
mv "$ROOT.tmp" "$ROOT"
echo "fetch-servers: extracted Cyrus $(ls "$DEBS" | sed -n 's/^cyrus-imapd_\(.*\)_amd64.deb/\1/p' | tail -n 1) and Courier $(ls "$DEBS" | sed -n 's/^courier-imap_\(.*\)_amd64.deb/\1/p' | tail -n 1) into $ROOT"
