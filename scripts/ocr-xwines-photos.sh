#!/bin/sh
# Reads the X-Wines sample photos with the tesseract CLI and writes what it read as the test fixture
# Tests/Fixtures/xwines-photo-ocr.json: {"<WineID>": {"psm3": …, "psm11": …, "upscaled_psm3": …,
# "upscaled_psm11": …}}. "upscaled" passes read a grey, 2.5 times larger copy made with the vips CLI.
# Needs tesseract-ocr, libvips-tools and python3. Usage: scripts/ocr-xwines-photos.sh [photos dir] [output]
set -eu
photos=${1:-${WINEBOX_SHARED_DATA:-/work/shared/data}/xwines/photos}
output=${2:-Tests/Fixtures/xwines-photo-ocr.json}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for photo in "$photos"/*.jpeg; do
    id=$(basename "$photo" .jpeg)
    vips colourspace "$photo" "$work/$id.grey.v" b-w
    vips resize "$work/$id.grey.v" "$work/$id.upscaled.png" 2.5 --kernel lanczos3
    for psm in 3 11; do
        tesseract "$photo" "$work/$id.psm$psm" --psm $psm 2>/dev/null
        tesseract "$work/$id.upscaled.png" "$work/$id.upscaled_psm$psm" --psm $psm 2>/dev/null
    done
done
python3 - "$work" "$output" <<'PY'
import glob, json, os, sys
work, output = sys.argv[1], sys.argv[2]
texts = {}
for path in sorted(glob.glob(os.path.join(work, "*.txt"))):
    wine_id, variant = os.path.basename(path)[:-4].split(".", 1)
    with open(path, encoding="utf-8") as file:
        texts.setdefault(wine_id, {})[variant] = file.read().strip()
with open(output, "w", encoding="utf-8") as file:
    json.dump(texts, file, ensure_ascii=False, indent=1, sort_keys=True)
    file.write("\n")
PY
echo "wrote $output"
