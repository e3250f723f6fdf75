#include "semantic/distributional.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fmt/format.h>
#include <fstream>
#include <optional>

#include "core/mapped_file.hpp"
#include "semantic/internal/distributional_file.hpp"
#include "semantic/internal/vector_kernels.hpp"

namespace snai::semantic {


using internal::DistributionalHeader;
using internal::DistributionalLayout;

struct DistributionalVectors::Data {
  // The whole file, memory-mapped (page-aligned): start-up reads only the header and tables it
  // checks, and the vectors count in memory only once queries touch them.
  std::optional<MappedFile> file;
  DistributionalHeader header{};
  const float* scales = nullptr;
  const std::uint32_t* offsets = nullptr;
  const std::uint32_t* sorted = nullptr;
  const std::int8_t* vectors = nullptr;
  const char* words = nullptr;

  std::string_view word(std::uint32_t row) const { return {words + offsets[row], offsets[row + 1] - offsets[row]}; }
  const std::int8_t* row(std::uint32_t r) const { return vectors + static_cast<std::size_t>(r) * header.stored_dim; }
};

DistributionalVectors::DistributionalVectors(std::unique_ptr<Data> data) : data_(std::move(data)) {}
DistributionalVectors::DistributionalVectors(DistributionalVectors&&) noexcept = default;
DistributionalVectors& DistributionalVectors::operator=(DistributionalVectors&&) noexcept = default;
DistributionalVectors::~DistributionalVectors() = default;

Result<DistributionalVectors> DistributionalVectors::load(const std::filesystem::path& artifact) {
  std::error_code ec;
  auto size = std::filesystem::file_size(artifact, ec);
  if (ec)
    return fail(ErrorCode::not_found, fmt::format("{} is missing: run `snai data build`", artifact.string()));
  auto corrupt = [&](std::string_view why) {
    return fail(ErrorCode::data_corrupt, fmt::format("{}: {} (rebuild with `snai data build --force`)", artifact.string(), why));
  };
  if (size < sizeof(DistributionalHeader)) return corrupt("too short for a header");
  auto data = std::make_unique<Data>();
  auto mapped = MappedFile::open(artifact);
  if (!mapped) return fail(ErrorCode::unavailable, fmt::format("cannot read {}: {}", artifact.string(), mapped.error().message));
  data->file.emplace(std::move(*mapped));
  if (data->file->bytes().size() != size) return corrupt("changed while it was read");
  const auto* base = reinterpret_cast<const std::byte*>(data->file->bytes().data());
  auto& h = data->header;
  std::memcpy(&h, base, sizeof h);
  if (std::memcmp(h.magic, internal::kDistributionalMagic, sizeof h.magic) != 0) return corrupt("not a distributional vectors file");
  if (h.byte_order != internal::kByteOrderMark) return corrupt("written on a machine of another byte order");
  if (h.version != internal::kDistributionalVersion)
    return corrupt(fmt::format("format version {}, this build reads {}", h.version, internal::kDistributionalVersion));
  if (h.dim == 0 || h.dim > 4096 || h.stored_dim != internal::padded_dim(h.dim) || h.candidates > h.count)
    return corrupt("inconsistent header");
  DistributionalLayout layout(h.count, h.stored_dim, h.words_bytes);
  if (layout.total != size) return corrupt(fmt::format("size {} bytes, header says {}", size, layout.total));
  data->scales = reinterpret_cast<const float*>(base + layout.scales);
  data->offsets = reinterpret_cast<const std::uint32_t*>(base + layout.offsets);
  data->sorted = reinterpret_cast<const std::uint32_t*>(base + layout.sorted);
  data->vectors = reinterpret_cast<const std::int8_t*>(base + layout.vectors);
  data->words = reinterpret_cast<const char*>(base + layout.words);
  if (data->offsets[0] != 0 || data->offsets[h.count] != h.words_bytes) return corrupt("word table out of bounds");
  for (std::uint32_t i = 0; i < h.count; ++i) {
    if (data->offsets[i] > data->offsets[i + 1]) return corrupt("word table out of order");
    if (data->sorted[i] >= h.count) return corrupt("word index out of bounds");
    if (!std::isfinite(data->scales[i]) || data->scales[i] < 0) return corrupt("bad vector scale");
  }
  return DistributionalVectors(std::move(data));
}

int DistributionalVectors::dim() const { return static_cast<int>(data_->header.dim); }
std::size_t DistributionalVectors::size() const { return data_->header.count; }
std::size_t DistributionalVectors::candidate_count() const { return data_->header.candidates; }
std::uint64_t DistributionalVectors::file_size() const { return data_->file->bytes().size(); }

std::optional<std::uint32_t> DistributionalVectors::find(std::string_view word) const {
  const auto* first = data_->sorted;
  const auto* last = first + data_->header.count;
  const auto* it = std::lower_bound(first, last, word, [&](std::uint32_t row, std::string_view w) { return data_->word(row) < w; });
  if (it == last || data_->word(*it) != word) return std::nullopt;
  return *it;
}

bool DistributionalVectors::contains(std::string_view word) const { return find(word).has_value(); }

std::vector<float> DistributionalVectors::vector(std::string_view word) const {
  auto row = find(word);
  if (!row) return {};
  std::vector<float> out(data_->header.dim);
  const auto* r = data_->row(*row);
  for (std::size_t d = 0; d < out.size(); ++d) out[d] = static_cast<float>(r[d]) * data_->scales[*row];
  return out;
}

float DistributionalVectors::similarity(std::string_view a, std::string_view b) const {
  auto ra = find(a), rb = find(b);
  if (!ra || !rb) return 0;
  return static_cast<float>(internal::dot_i8(data_->row(*ra), data_->row(*rb), data_->header.stored_dim)) *
         data_->scales[*ra] * data_->scales[*rb];
}

std::vector<WordAssociation> DistributionalVectors::scan(const std::int8_t* query, float query_scale, std::size_t k,
                                                         std::optional<std::uint32_t> skip) const {
  const auto& h = data_->header;
  std::vector<std::pair<float, std::uint32_t>> scored;
  scored.reserve(h.candidates);
  for (std::uint32_t r = 0; r < h.candidates; ++r) {
    if (skip && r == *skip) continue;
    scored.emplace_back(static_cast<float>(internal::dot_i8(query, data_->row(r), h.stored_dim)) * data_->scales[r] * query_scale, r);
  }
  k = std::min(k, scored.size());
  std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(k), scored.end(),
                    [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  std::vector<WordAssociation> out;
  for (std::size_t i = 0; i < k; ++i) out.push_back({data_->word(scored[i].second), scored[i].first});
  return out;
}

std::vector<WordAssociation> DistributionalVectors::nearest(std::span<const float> v, std::size_t k) const {
  const auto& h = data_->header;
  if (v.size() != h.dim || k == 0) return {};
  float max_abs = 0;
  double norm = 0;
  for (float x : v) {
    if (!std::isfinite(x)) return {};
    max_abs = std::max(max_abs, std::abs(x));
    norm += static_cast<double>(x) * x;
  }
  if (max_abs == 0) return {};
  std::vector<std::int8_t> query(h.stored_dim, 0);
  for (std::size_t d = 0; d < v.size(); ++d) query[d] = static_cast<std::int8_t>(std::lround(v[d] / max_abs * 127.0f));
  float query_scale = static_cast<float>(max_abs / 127.0 / std::sqrt(norm));
  return scan(query.data(), query_scale, k, std::nullopt);
}

std::vector<WordAssociation> DistributionalVectors::neighbours(std::string_view word, std::size_t k) const {
  auto row = find(word);
  if (!row || k == 0) return {};
  return scan(data_->row(*row), data_->scales[*row], k, row);
}

}  // namespace snai::semantic
