// Embeddings: a vector for any string — dictionary words, invented names ("Notely"), phrases
// ("note taking") — from a fastText skipgram model trained on our own corpus. Vectors of words
// outside the vocabulary come from their character n-grams; a phrase is the mean of its words.
//
//   using namespace snai::semantic;
//   auto trained = Embeddings::train({.dim = 100, .epochs = 10}, "var/data/corpus.txt",
//                                    "var/data/embeddings.bin");      // <= 60 MB by default
//   auto emb = Embeddings::load("var/data/embeddings.bin");            // data_corrupt on a bad file
//   std::vector<float> v = emb->vector("AI note-taking");              // unit length
//   float s = emb->similarity("doctor", "physician");                  // cosine
//   auto near = emb->nearest("doctor", 10);                            // exact, over the vocabulary
//
// Tokens: tokenize() is the one tokenizer — write the training corpus through it (tokens joined by
// spaces, one sentence per line) so training and lookups agree. Thread-safety: every const member
// may be called from many threads at once.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "semantic/vector_index.hpp"

namespace snai::semantic {

struct TrainOptions {
  int dim = 100;
  int epochs = 10;
  int min_count = 3;            // words seen fewer times are dropped (they get n-gram vectors)
  int minn = 3;                 // character n-gram lengths; maxn = 0 turns subwords off (then
  int maxn = 5;                 //   words outside the vocabulary borrow from words spelt alike)
  int bucket = 100'000;         // n-gram hash rows; lowered automatically to fit max_model_bytes
  int window = 5;
  int negatives = 5;
  double learning_rate = 0.05;
  double sampling = 1e-4;       // frequent-word subsampling threshold
  int threads = 0;              // 0: all cores. Only threads = 1 is bit-for-bit reproducible.
  int seed = 0;
  std::uint64_t max_model_bytes = 60'000'000;  // 60 MB (decimal)
  bool keep_output_matrix = false;  // the output layer only matters to continue training
  std::function<void(double progress)> on_progress;  // 0..1, from a training thread
};

struct TrainSummary {
  std::int64_t words = 0;        // vocabulary size (incl. the end-of-line token </s>)
  std::int64_t tokens = 0;       // tokens in the corpus
  int bucket = 0;                // n-gram rows actually used
  std::uint64_t model_bytes = 0;
  double seconds = 0;
};

struct LoadOptions {
  // How much of an in-vocabulary word's vector comes from its own row rather than the mean of its
  // character n-gram rows: v = w * word + (1 - w) * mean(ngrams). Higher = neighbours by meaning
  // (doctor -> physician), lower = by spelling (doctor -> doctoral); the word row alone (1) is
  // only a residual and is noisy. Negative: fastText's own getWordVector (the word row counts as
  // one n-gram among ~15). On a WordNet corpus (3.8M tokens, 65k words, dim 100, n-grams 3-5)
  // WordNet synonyms in the top 10 rose from 14% (fastText's vector) to 27% at w = 0.4.
  float word_weight = 0.4f;
};

struct WordCount {
  std::string word;
  std::int64_t count = 0;
};

class Embeddings {
 public:
  // Trains a skipgram model on `corpus_txt` (UTF-8, tokens separated by spaces) and writes the
  // fastText binary to `model_out` (atomically). invalid_argument for bad options or a corpus
  // whose vocabulary cannot fit max_model_bytes even without n-gram rows; not_found for a missing
  // corpus; internal when fastText fails (e.g. NaN with a too-high learning rate).
  static Result<TrainSummary> train(const TrainOptions& options, const std::filesystem::path& corpus_txt,
                                    const std::filesystem::path& model_out);

  // Loads a fastText binary (unsupervised, not quantized). The whole file is checked before
  // fastText reads it: not_found / data_corrupt, never a crash, hang or exit().
  static Result<Embeddings> load(const std::filesystem::path& model_path, LoadOptions options = {});

  Embeddings(Embeddings&&) noexcept;
  Embeddings& operator=(Embeddings&&) noexcept;
  ~Embeddings();

  // Unit-length vector of dim() floats for any text: a multi-word text whose tokens joined by '_'
  // are a vocabulary word (a collocation) uses that word; otherwise the mean of its tokens'
  // unit vectors. All zeros when no token has a vector (empty text, or no seen n-gram and no
  // vocabulary word spelt alike).
  std::vector<float> vector(std::string_view text) const;

  // Cosine similarity of vector(a) and vector(b); 0 when either has no vector.
  float similarity(std::string_view a, std::string_view b) const;

  // The k vocabulary words most similar to vector(text), best first, excluding the text's own
  // tokens and, unless asked not to, their spelling variants (see spelling_variant(): doctor ->
  // doctoral, eye_doctor; fast -> fasten) which n-grams rank high whatever they mean. Exact scan
  // (the first call builds a normalised copy of the vocabulary, dim*4 bytes per word); for many
  // queries over a big vocabulary use build_vocabulary_index().
  std::vector<Neighbor> nearest(std::string_view text, int k, bool skip_spelling_variants = true) const;

  int dim() const;
  bool in_vocabulary(std::string_view word) const;  // exact token, after no normalisation
  std::int64_t count(std::string_view word) const;  // corpus count, 0 when not in the vocabulary
  std::vector<WordCount> vocabulary() const;        // most frequent first, without </s>
  const LoadOptions& options() const;

 private:
  struct State;
  explicit Embeddings(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// Lower-cased tokens: splits on anything but letters, digits, '_' and non-ASCII bytes, and at
// camelCase boundaries ("NoteScribe" -> "note", "scribe"). "AI note-taking" -> ai, note, taking.
std::vector<std::string> tokenize(std::string_view text);

// True when one word contains the other (the shorter has >= 3 bytes) or they share a prefix of
// >= 5 bytes: doctor/doctoral, fast/breakfast, notes/note, fasten/fastening; not note/notation.
bool spelling_variant(std::string_view a, std::string_view b);

// An HNSW index over every vocabulary word's vector (label = word), built with `threads`.
Result<VectorIndex> build_vocabulary_index(const Embeddings& embeddings, IndexParams params = {},
                                           int threads = 0);

struct NeighbourEvaluation {
  double hit_rate = 0;                 // hits / expected, 0 when nothing was expected
  int hits = 0;
  int expected = 0;
  std::vector<std::string> misses;     // "doctor -> physician"
};

// For each (word, expected neighbours): how many of the expected words are among nearest(word, k).
NeighbourEvaluation evaluate_neighbours(
    const Embeddings& embeddings,
    const std::vector<std::pair<std::string, std::vector<std::string>>>& expectations, int k);

}  // namespace snai::semantic
