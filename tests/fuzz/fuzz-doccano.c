/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The doccano JSONL reader, on the bytes of one file. */

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_read_buffer (&gloss_format_doccano, gloss_format_doccano_read_data, "data.doccano.jsonl", data, size);
  return 0;
}
