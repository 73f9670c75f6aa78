/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The spaCy JSON reader, on the bytes of one file. */

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_read_buffer (&gloss_format_spacy, gloss_format_spacy_read_data, "train.spacy.json", data, size);
  return 0;
}
