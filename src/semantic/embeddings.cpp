#include "semantic/embeddings.hpp"

#include <algorithm>
#include <cmath>
#include <mutex>
#include <queue>
#include <streambuf>
#include <unordered_set>

#include "core/mapped_file.hpp"
#include "semantic/internal/fasttext_file.hpp"
#include "semantic/spelling_index.hpp"
#include "semantic/internal/fasttext_model.hpp"
#include "semantic/internal/half.hpp"
#include "semantic/internal/vector_kernels.hpp"
#include "semantic/internal/half.hpp"
#include "semantic/internal/vector_kernels.hpp"

namespace snai::semantic {
namespace {

// An istream source over bytes we have already mapped and checked (no second read from disk,
// and no window for the file to change between the check and the load).
class MemoryStreamBuf : public std::streambuf {
 public:
  explicit MemoryStreamBuf(std::string_view bytes) {
    char* begin = const_cast<char*>(bytes.data());
    setg(begin, begin, begin + bytes.size());
  }
};

float dot(const float* a, const float* b, int dim) {
  float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  int i = 0;
  for (; i + 4 <= dim; i += 4) {
    s0 += a[i] * b[i];
    s1 += a[i + 1] * b[i + 1];
    s2 += a[i + 2] * b[i + 2];
    s3 += a[i + 3] * b[i + 3];
  }
  for (; i < dim; ++i) s0 += a[i] * b[i];
  return (s0 + s1) + (s2 + s3);
}

// Scales to unit length; false (and left as is) when the vector is zero.
bool normalize(std::span<float> v) {
  double sum = 0;
  for (float x : v) sum += static_cast<double>(x) * x;
  if (!(sum > 0) || !std::isfinite(sum)) return false;
  const auto scale = static_cast<float>(1.0 / std::sqrt(sum));
  for (float& x : v) x *= scale;
  return true;
}

bool is_word_byte(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

}  // namespace

struct Embeddings::State {
  std::unique_ptr<internal::FastTextModel> model;
  std::shared_ptr<const fasttext::Dictionary> dict;
  // The input matrix (word and n-gram rows) as 16-bit floats: half the memory of fastText's own
  // (~25 MB saved), vectors within ~1e-3 (they are sums of a few rows, then normalised). The
  // model's float matrix is dropped once copied. Summed by internal::add_scaled_halves.
  std::vector<std::uint16_t> rows;
  LoadOptions options;
  int dim = 0;
  std::vector<std::int64_t> counts;   // per word id
  std::int32_t eos_id = -1;

  mutable std::once_flag spelling_once;
  mutable std::unique_ptr<SpellingIndex> spelling;  // for words outside the vocabulary without n-grams

  mutable std::once_flag vocabulary_once;
  mutable std::vector<float> vocabulary_matrix;  // unit rows per word id (zero for </s>)

  // The vector of one token (not normalised); false when it has none.
  bool word_vector(const std::string& word, float* out) const {
    std::fill(out, out + dim, 0.0f);
    auto add_row = [&](std::int32_t row, float scale) {
      internal::add_scaled_halves(out, rows.data() + static_cast<std::size_t>(row) * static_cast<std::size_t>(dim),
                                  static_cast<std::size_t>(dim), scale);
    };
    const std::int32_t id = dict->getId(word);
    if (id >= dict->nwords()) return false;  // a "__label__" token: no row of its own
    if (id >= 0) {
      const std::vector<std::int32_t>& rows = dict->getSubwords(id);  // rows[0] is the word itself
      const std::size_t ngrams = rows.size() - 1;
      if (options.word_weight < 0 || ngrams == 0) {
        for (auto row : rows) add_row(row, 1.0f / static_cast<float>(rows.size()));
      } else {
        const float w = std::min(options.word_weight, 1.0f);
        add_row(id, w);
        for (std::size_t i = 1; i < rows.size(); ++i) add_row(rows[i], (1.0f - w) / static_cast<float>(ngrams));
      }
      return true;
    }
    const std::vector<std::int32_t> rows = dict->getSubwords(word);
    if (rows.empty()) return spelling_vector(word, out);
    for (auto row : rows) add_row(row, 1.0f / static_cast<float>(rows.size()));
    return true;
  }

  // A model without character n-grams: the mean of the unit vectors of the vocabulary words
  // spelt most like `word`, weighted by how alike they are ("notara" ~ notary, notation).
  bool spelling_vector(const std::string& word, float* out) const {
    std::call_once(spelling_once, [&] {
      std::vector<std::string> words(static_cast<std::size_t>(dict->nwords()));
      for (std::int32_t id = 0; id < dict->nwords(); ++id) words[static_cast<std::size_t>(id)] = dict->getWord(id);
      spelling = std::make_unique<SpellingIndex>(words);
    });
    std::vector<float> neighbour(static_cast<std::size_t>(dim));
    bool any = false;
    for (auto [id, similarity] : spelling->similar(word, 8)) {
      if (!word_vector(dict->getWord(id), neighbour.data()) || !normalize(neighbour)) continue;
      for (int d = 0; d < dim; ++d) out[d] += similarity * neighbour[static_cast<std::size_t>(d)];
      any = true;
    }
    return any;
  }

  // Embeddings::vector() of a text already split by tokenize().
  std::vector<float> text_vector(const std::vector<std::string>& tokens) const {
    const auto n = static_cast<std::size_t>(dim);
    std::vector<float> out(n, 0.0f);
    if (tokens.size() > 1) {
      std::string joined = tokens[0];
      for (std::size_t i = 1; i < tokens.size(); ++i) joined += "_" + tokens[i];
      if (dict->getId(joined) >= 0 && word_vector(joined, out.data()) && normalize(out)) return out;
      std::fill(out.begin(), out.end(), 0.0f);
    }
    std::vector<float> word(n);
    for (const auto& token : tokens) {
      if (!word_vector(token, word.data()) || !normalize(word)) continue;
      for (std::size_t d = 0; d < n; ++d) out[d] += word[d];
    }
    normalize(out);
    return out;
  }

  const std::vector<float>& vocabulary_rows() const {
    std::call_once(vocabulary_once, [&] {
      const auto words = static_cast<std::size_t>(dict->nwords());
      vocabulary_matrix.assign(words * static_cast<std::size_t>(dim), 0.0f);
      for (std::size_t id = 0; id < words; ++id) {
        if (static_cast<std::int32_t>(id) == eos_id) continue;
        float* row = &vocabulary_matrix[id * static_cast<std::size_t>(dim)];
        if (word_vector(dict->getWord(static_cast<std::int32_t>(id)), row)) normalize({row, static_cast<std::size_t>(dim)});
      }
    });
    return vocabulary_matrix;
  }
};

Embeddings::Embeddings(std::unique_ptr<State> state) : state_(std::move(state)) {}
Embeddings::Embeddings(Embeddings&&) noexcept = default;
Embeddings& Embeddings::operator=(Embeddings&&) noexcept = default;
Embeddings::~Embeddings() = default;

Result<Embeddings> Embeddings::load(const std::filesystem::path& model_path, LoadOptions options) {
  auto file = MappedFile::open(model_path);
  if (!file) return fail(file.error());
  auto info = internal::check_fasttext_file(file->bytes());
  if (!info) return fail(info.error().code, model_path.string() + ": " + info.error().message, "path");
  if (info->model == 3) {
    return fail(ErrorCode::invalid_argument, model_path.string() + " is a supervised (classifier) model", "path");
  }
  auto state = std::make_unique<State>();
  state->model = std::make_unique<internal::FastTextModel>();
  try {
    MemoryStreamBuf buffer(file->bytes());
    std::istream in(&buffer);
    state->model->load_checked(in);
    state->dict = state->model->getDictionary();
    auto input = state->model->getInputMatrix();
    if (!input || input->cols() != info->dim || input->rows() != static_cast<std::int64_t>(info->words) + info->bucket) {
      return fail(ErrorCode::data_corrupt, model_path.string() + ": matrix shape changed while loading", "path");
    }
    state->rows.resize(static_cast<std::size_t>(input->rows() * input->cols()));
    const float* data = input->data();
    for (std::size_t i = 0; i < state->rows.size(); ++i) state->rows[i] = internal::float_to_half(data[i]);
    input.reset();
    state->model->drop_input_matrix();
  } catch (const std::exception& e) {
    return fail(ErrorCode::data_corrupt, model_path.string() + ": fastText refused the model: " + e.what(), "path");
  }
  state->options = options;
  state->dim = info->dim;
  state->counts = state->dict->getCounts(fasttext::entry_type::word);
  state->eos_id = state->dict->getId(fasttext::Dictionary::EOS);
  return Embeddings(std::move(state));
}

std::vector<float> Embeddings::vector(std::string_view text) const { return state_->text_vector(tokenize(text)); }

float Embeddings::similarity(std::string_view a, std::string_view b) const {
  const auto va = vector(a);
  const auto vb = vector(b);
  return std::clamp(dot(va.data(), vb.data(), state_->dim), -1.0f, 1.0f);
}

std::vector<Neighbor> Embeddings::nearest(std::string_view text, int k, bool skip_spelling_variants) const {
  if (k < 1) return {};
  const std::vector<std::string> tokens = tokenize(text);
  const std::vector<float> query = state_->text_vector(tokens);
  if (std::all_of(query.begin(), query.end(), [](float x) { return x == 0.0f; })) return {};
  std::unordered_set<std::string_view> own(tokens.begin(), tokens.end());

  const std::vector<float>& rows = state_->vocabulary_rows();
  const auto dim = static_cast<std::size_t>(state_->dim);
  using Scored = std::pair<float, std::int32_t>;
  std::priority_queue<Scored, std::vector<Scored>, std::greater<>> best;  // min-heap of the top k
  for (std::int32_t id = 0; id < state_->dict->nwords(); ++id) {
    if (id == state_->eos_id) continue;
    const float s = dot(query.data(), &rows[static_cast<std::size_t>(id) * dim], state_->dim);
    if (static_cast<int>(best.size()) == k && s <= best.top().first) continue;
    const std::string word = state_->dict->getWord(id);
    if (own.contains(word)) continue;
    if (skip_spelling_variants &&
        std::any_of(tokens.begin(), tokens.end(), [&](const std::string& t) { return spelling_variant(t, word); })) {
      continue;
    }
    best.emplace(s, id);
    if (static_cast<int>(best.size()) > k) best.pop();
  }
  std::vector<Neighbor> out(best.size());
  for (std::size_t i = out.size(); i-- > 0;) {
    out[i] = Neighbor{state_->dict->getWord(best.top().second), best.top().first};
    best.pop();
  }
  return out;
}

int Embeddings::dim() const { return state_->dim; }

bool Embeddings::in_vocabulary(std::string_view word) const { return count(word) > 0; }

std::int64_t Embeddings::count(std::string_view word) const {
  const std::int32_t id = state_->dict->getId(std::string(word));
  if (id < 0 || id >= state_->dict->nwords() || id == state_->eos_id) return 0;
  return state_->counts[static_cast<std::size_t>(id)];
}

std::vector<WordCount> Embeddings::vocabulary() const {
  std::vector<WordCount> out;
  out.reserve(state_->counts.size());
  for (std::int32_t id = 0; id < state_->dict->nwords(); ++id) {
    if (id != state_->eos_id) out.push_back({state_->dict->getWord(id), state_->counts[static_cast<std::size_t>(id)]});
  }
  return out;
}

const LoadOptions& Embeddings::options() const { return state_->options; }

bool spelling_variant(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (a.size() >= 3 && b.find(a) != std::string_view::npos) return true;
  std::size_t common = 0;
  while (common < a.size() && a[common] == b[common]) ++common;
  return common >= 5;
}

std::vector<std::string> tokenize(std::string_view text) {
  std::vector<std::string> tokens;
  std::string current;
  auto flush = [&] {
    if (!current.empty()) tokens.push_back(std::move(current));
    current.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (!is_word_byte(c)) {
      flush();
      continue;
    }
    // camelCase: a lower-case letter followed by an upper-case one starts a new token
    if (std::isupper(c) && i > 0 && std::islower(static_cast<unsigned char>(text[i - 1]))) flush();
    current.push_back(static_cast<char>(std::tolower(c)));
  }
  flush();
  return tokens;
}

Result<VectorIndex> build_vocabulary_index(const Embeddings& embeddings, IndexParams params, int threads) {
  const std::vector<WordCount> words = embeddings.vocabulary();
  params.dim = embeddings.dim();
  params.max_elements = std::max(params.max_elements, words.size());
  auto index = VectorIndex::create(params);
  if (!index) return fail(index.error());
  std::vector<std::string> labels;
  std::vector<float> vectors;
  labels.reserve(words.size());
  vectors.reserve(words.size() * static_cast<std::size_t>(params.dim));
  for (const auto& w : words) {
    std::vector<float> v = embeddings.vector(w.word);
    if (std::all_of(v.begin(), v.end(), [](float x) { return x == 0.0f; })) continue;
    labels.push_back(w.word);
    vectors.insert(vectors.end(), v.begin(), v.end());
  }
  if (auto added = index->add_batch(labels, vectors, threads); !added) return fail(added.error());
  return index;
}

NeighbourEvaluation evaluate_neighbours(
    const Embeddings& embeddings,
    const std::vector<std::pair<std::string, std::vector<std::string>>>& expectations, int k) {
  NeighbourEvaluation result;
  for (const auto& [word, expected] : expectations) {
    std::unordered_set<std::string> found;
    for (auto& n : embeddings.nearest(word, k)) found.insert(std::move(n.label));
    for (const auto& e : expected) {
      ++result.expected;
      if (found.contains(e)) {
        ++result.hits;
      } else {
        result.misses.push_back(word + " -> " + e);
      }
    }
  }
  if (result.expected > 0) result.hit_rate = static_cast<double>(result.hits) / result.expected;
  return result;
}

}  // namespace snai::semantic
