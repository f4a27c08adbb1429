#!/usr/bin/env bash
# Make sure a CJK font (Noto CJK, Debian package fonts-noto-cjk) is on the machine: the charts
# (matplotlib) and the PDF (typst) need it for Chinese labels. Latin and Cyrillic come from the
# DejaVu fonts bundled with matplotlib, so nothing else is needed.
set -euo pipefail
for d in /usr/share/fonts/opentype/noto /usr/share/fonts/truetype/noto; do
  if compgen -G "$d/NotoSansCJK*" >/dev/null; then exit 0; fi
done
echo "tradecheck: installing fonts-noto-cjk (CJK glyphs for charts and the PDF)" >&2
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "tradecheck: not root and no sudo: install the Debian package fonts-noto-cjk by hand" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends fonts-noto-cjk >/dev/null
