#!/usr/bin/env bash
# Fetches a benchmark corpus of real French PDFs that no one here wrote: the manuals shipped in Debian documentation
# packages. Downloads the packages with apt-get (no root needed for the download itself; run `apt-get update` once
# first), unpacks them with dpkg-deb into target/ and copies the PDFs into bench/corpus/ (ignored by git).
# Usage: bench/fetch-corpus.sh            Then: mvn -Pbench verify -Dit.test=TikaExtractionBenchmark
set -euo pipefail
cd "$(dirname "$0")/.."
PACKAGES=(
  debian-reference-fr          # Debian system administration guide
  debian-edu-doc-fr            # Debian Edu manuals (bookworm, bullseye)
  maint-guide-fr               # Debian New Maintainers' Guide
  developers-reference-fr      # Debian Developer's Reference
  debian-faq-fr                # Debian FAQ (.pdf.gz)
  debian-edu-doc-legacy-fr     # manuals for Audacity and Rosegarden
  ubuntu-packaging-guide-pdf-fr  # Ubuntu Packaging Guide (.pdf.gz)
  linuxcnc-doc-fr              # LinuxCNC manuals, one of 600+ pages
)
SCRATCH=target/bench-corpus
CORPUS=bench/corpus
rm -rf "$SCRATCH" && mkdir -p "$SCRATCH/debs" "$SCRATCH/root" "$CORPUS"
(cd "$SCRATCH/debs" && apt-get download "${PACKAGES[@]}")
for deb in "$SCRATCH"/debs/*.deb; do
  dpkg-deb -x "$deb" "$SCRATCH/root"
done
find "$SCRATCH/root" -name '*.pdf.gz' -exec gunzip -f {} \;
rm -f "$CORPUS"/*.pdf
find "$SCRATCH/root" -name '*.pdf' | while read -r pdf; do
  # Name each copy after its path, as several packages ship a file of the same name.
  name=$(echo "${pdf#"$SCRATCH"/root/usr/share/}" | tr '/' '_')
  cp "$pdf" "$CORPUS/$name"
done
files=$(find "$CORPUS" -name '*.pdf' | wc -l)
if command -v pdfinfo >/dev/null; then
  pages=0
  for pdf in "$CORPUS"/*.pdf; do
    pages=$((pages + $(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')))
  done
  echo "$files PDF files, $pages pages, $(du -sh "$CORPUS" | cut -f1) in $CORPUS"
else
  echo "$files PDF files, $(du -sh "$CORPUS" | cut -f1) in $CORPUS (install poppler-utils for a page count)"
fi
