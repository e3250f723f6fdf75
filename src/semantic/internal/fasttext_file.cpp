#include "semantic/internal/fasttext_file.hpp"

#include <cstring>
#include <string>

namespace snai::semantic::internal {
namespace {

// Reads little-endian values from a byte range, failing instead of running past its end.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}

  template <class T>
  bool read(T& value) {
    if (bytes_.size() - at_ < sizeof(T)) return false;
    std::memcpy(&value, bytes_.data() + at_, sizeof(T));
    at_ += sizeof(T);
    return true;
  }

  bool skip(std::uint64_t n) {
    if (bytes_.size() - at_ < n) return false;
    at_ += static_cast<std::size_t>(n);
    return true;
  }

  // A '\0'-terminated string; false when no terminator is left in the file.
  bool read_cstring(std::string_view& out) {
    std::size_t end = bytes_.find('\0', at_);
    if (end == std::string_view::npos) return false;
    out = bytes_.substr(at_, end - at_);
    at_ = end + 1;
    return true;
  }

  std::uint64_t remaining() const { return bytes_.size() - at_; }

 private:
  std::string_view bytes_;
  std::size_t at_ = 0;
};

std::unexpected<Error> corrupt(const std::string& why) {
  return fail(ErrorCode::data_corrupt, "not a valid fastText model: " + why);
}

}  // namespace

Result<FastTextFileInfo> check_fasttext_file(std::string_view bytes) {
  Reader in(bytes);
  std::int32_t magic = 0, version = 0;
  if (!in.read(magic) || !in.read(version)) return corrupt("file too short");
  if (magic != kFastTextMagic) return corrupt("bad magic number");
  if (version != kFastTextVersion) return corrupt("unsupported version " + std::to_string(version));

  FastTextFileInfo info;
  std::int32_t ws, epoch, min_count, neg, word_ngrams, lr_update_rate;
  double t;
  bool args_read = in.read(info.dim) && in.read(ws) && in.read(epoch) && in.read(min_count) &&
                   in.read(neg) && in.read(word_ngrams) && in.read(info.loss) && in.read(info.model) &&
                   in.read(info.bucket) && in.read(info.minn) && in.read(info.maxn) &&
                   in.read(lr_update_rate) && in.read(t);
  if (!args_read) return corrupt("truncated in the arguments");
  if (info.dim < 1 || info.dim > 10000) return corrupt("dimension out of range");
  if (info.model < 1 || info.model > 3 || info.loss < 1 || info.loss > 4) return corrupt("unknown model or loss");
  if (info.bucket < 0 || info.minn < 0 || info.maxn < 0 || info.maxn > 100) return corrupt("bad n-gram settings");
  if (info.maxn > 0 && info.bucket == 0) return corrupt("n-grams without hash buckets");
  if (word_ngrams > 1 && info.bucket == 0) return corrupt("word n-grams without hash buckets");
  if (neg < 0 || neg > 10000) return corrupt("bad negative sample count");

  std::int32_t size = 0;
  std::int64_t pruneidx_size = 0;
  if (!in.read(size) || !in.read(info.words) || !in.read(info.labels) || !in.read(info.tokens) ||
      !in.read(pruneidx_size)) {
    return corrupt("truncated in the dictionary header");
  }
  if (size < 0 || info.words < 1 || info.labels < 0 ||
      static_cast<std::int64_t>(info.words) + info.labels != size || info.tokens < 0) {
    return corrupt("inconsistent dictionary sizes");
  }
  // Each entry takes at least 10 bytes: bound the count by the file before walking it.
  if (static_cast<std::uint64_t>(size) > in.remaining() / 10) return corrupt("dictionary larger than the file");
  for (std::int32_t i = 0; i < size; ++i) {
    std::string_view word;
    std::int64_t count = 0;
    std::int8_t type = 0;
    if (!in.read_cstring(word) || !in.read(count) || !in.read(type)) {
      return corrupt("truncated in dictionary entry " + std::to_string(i));
    }
    const std::int8_t expected_type = i < info.words ? 0 : 1;
    if (word.empty() || count < 1 || type != expected_type) {
      return corrupt("malformed dictionary entry " + std::to_string(i));
    }
  }
  if (pruneidx_size < -1) return corrupt("bad pruned-index size");
  if (pruneidx_size > 0 && !in.skip(static_cast<std::uint64_t>(pruneidx_size) * 8)) {
    return corrupt("truncated in the pruned index");
  }

  std::uint8_t quant_input = 0;
  if (!in.read(quant_input) || quant_input > 1) return corrupt("truncated before the input matrix");
  if (quant_input == 1) {
    return fail(ErrorCode::failed_precondition, "quantized fastText models are not supported");
  }
  if (pruneidx_size != -1) return corrupt("a dense model with a pruned dictionary");

  auto check_matrix = [&](std::int64_t expected_rows_a, std::int64_t expected_rows_b,
                          std::int64_t& rows) -> Status {
    std::int64_t cols = 0;
    if (!in.read(rows) || !in.read(cols)) return corrupt("truncated in a matrix header");
    if (cols != info.dim || (rows != expected_rows_a && rows != expected_rows_b)) {
      return corrupt("matrix shape does not match the dictionary");
    }
    if (!in.skip(static_cast<std::uint64_t>(rows) * static_cast<std::uint64_t>(cols) * 4)) {
      return corrupt("truncated in a matrix");
    }
    return ok();
  };
  std::int64_t input_rows = 0;
  const std::int64_t want_input = static_cast<std::int64_t>(info.words) + info.bucket;
  if (auto checked = check_matrix(want_input, want_input, input_rows); !checked) return fail(checked.error());

  std::uint8_t quant_output = 0;
  if (!in.read(quant_output) || quant_output > 1) return corrupt("truncated before the output matrix");
  if (quant_output == 1) return corrupt("a quantized output matrix after a dense input matrix");
  const std::int64_t want_output = info.model == 3 ? info.labels : info.words;
  if (auto checked = check_matrix(want_output, 0, info.output_rows); !checked) return fail(checked.error());
  if (in.remaining() != 0) return corrupt("trailing bytes after the output matrix");
  return info;
}

}  // namespace snai::semantic::internal
