/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The doccano JSONL reader, on one file. */

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_read_file (&gloss_format_doccano, "data.doccano.jsonl", data, size);
  return 0;
}
