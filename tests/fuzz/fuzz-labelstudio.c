/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Label Studio JSON reader, on the bytes of one file. */

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_read_buffer (&gloss_format_labelstudio, gloss_format_labelstudio_read_data, "tasks.labelstudio.json", data, size);
  return 0;
}
