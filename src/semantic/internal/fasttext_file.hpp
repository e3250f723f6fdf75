// Checks a fastText 0.9.2 binary model before fastText reads it. fastText trusts its input: a
// truncated dictionary makes it loop forever (in.get() returns EOF, never '\0'), a bad size makes
// it allocate terabytes, a zero bucket with n-grams divides by zero. This walks the whole layout
// (args, dictionary, matrix shapes) against the file size without allocating by file contents.
//
// Layout: i32 magic 793712314, i32 version 12 | args: 12 x i32 + f64 | dictionary: i32 size,
// i32 nwords, i32 nlabels, i64 ntokens, i64 pruneidx_size, entries (word '\0', i64 count, i8 type),
// pruneidx pairs | u8 quant_input | input matrix (i64 rows, i64 cols, f32 data) | u8 qout | output.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/result.hpp"

namespace snai::semantic::internal {

struct FastTextFileInfo {
  int dim = 0;
  int model = 0;             // 1 cbow, 2 skipgram, 3 supervised
  int loss = 0;              // 1 hs, 2 ns, 3 softmax, 4 ova
  int bucket = 0;
  int minn = 0;
  int maxn = 0;
  std::int32_t words = 0;
  std::int32_t labels = 0;
  std::int64_t tokens = 0;
  std::int64_t output_rows = 0;
};

inline constexpr std::int32_t kFastTextMagic = 793712314;
inline constexpr std::int32_t kFastTextVersion = 12;

// data_corrupt (with the reason) unless `bytes` is a complete dense fastText model;
// failed_precondition for a quantized model (not supported, its layout is not checked).
Result<FastTextFileInfo> check_fasttext_file(std::string_view bytes);

}  // namespace snai::semantic::internal
