// Embeddings::train: sizes the model to its byte budget from a pass over the corpus, then runs
// fastText's skipgram silently (verbose 0) and writes the binary atomically.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "core/mapped_file.hpp"
#include "semantic/embeddings.hpp"
#include "semantic/internal/fasttext_file.hpp"
#include "semantic/internal/fasttext_model.hpp"

namespace snai::semantic {
namespace {

struct CorpusStats {
  std::int64_t tokens = 0;
  std::int64_t words = 0;             // distinct words kept by min_count (fastText's nwords)
  std::uint64_t dictionary_bytes = 0; // their serialised size
};

// Counts tokens exactly as fastText's Dictionary::readWord splits them: runs of bytes other than
// ' ', \t, \n, \v, \f, \r, \0; every '\n' is also the token "</s>". Tokens starting with
// "__label__" are labels, not words.
Result<CorpusStats> scan_corpus(const std::filesystem::path& corpus, int min_count) {
  std::ifstream in(corpus, std::ios::binary);
  if (!in) return fail(ErrorCode::not_found, "cannot open corpus " + corpus.string(), "corpus");
  std::unordered_map<std::string, std::int64_t> counts;
  CorpusStats stats;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    ++counts[word];
    ++stats.tokens;
    word.clear();
  };
  std::vector<char> buffer(1 << 20);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    for (std::streamsize i = 0; i < in.gcount(); ++i) {
      char c = buffer[static_cast<std::size_t>(i)];
      if (c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r' || c == '\0') {
        flush();
      } else if (c == '\n') {
        flush();
        ++counts["</s>"];
        ++stats.tokens;
      } else {
        word.push_back(c);
      }
    }
  }
  flush();
  for (const auto& [w, n] : counts) {
    if (n < min_count || w.starts_with("__label__")) continue;
    ++stats.words;
    stats.dictionary_bytes += w.size() + 1 + 8 + 1;
  }
  return stats;
}

Status check_options(const TrainOptions& o) {
  auto bad = [](const char* field, const char* why) { return fail(ErrorCode::invalid_argument, why, field); };
  if (o.dim < 1 || o.dim > 1000) return bad("dim", "dim must be 1..1000");
  if (o.epochs < 1 || o.epochs > 1000) return bad("epochs", "epochs must be 1..1000");
  if (o.min_count < 1) return bad("min_count", "min_count must be at least 1");
  if (o.maxn < 0 || o.maxn > 20) return bad("maxn", "maxn must be 0..20");
  if (o.maxn > 0 && (o.minn < 1 || o.minn > o.maxn)) return bad("minn", "minn must be 1..maxn");
  if (o.bucket < 0) return bad("bucket", "bucket must not be negative");
  if (o.maxn > 0 && o.bucket < 1000) return bad("bucket", "bucket must be at least 1000 with n-grams");
  if (o.window < 1 || o.window > 100) return bad("window", "window must be 1..100");
  if (o.negatives < 1 || o.negatives > 100) return bad("negatives", "negatives must be 1..100");
  if (!(o.learning_rate > 0 && o.learning_rate <= 10)) return bad("learning_rate", "learning_rate must be in (0, 10]");
  if (!(o.sampling > 0 && o.sampling <= 1)) return bad("sampling", "sampling must be in (0, 1]");
  if (o.threads < 0 || o.threads > 1024) return bad("threads", "threads must be 0..1024");
  return ok();
}

// The options checked, the corpus there and its statistics, with at least one word kept.
Result<CorpusStats> checked_corpus_stats(const TrainOptions& options, const std::filesystem::path& corpus_txt) {
  if (auto checked = check_options(options); !checked) return fail(checked.error());
  std::error_code ec;
  if (!std::filesystem::is_regular_file(corpus_txt, ec)) {
    return fail(ErrorCode::not_found, "corpus " + corpus_txt.string() + " does not exist", "corpus");
  }
  auto stats = scan_corpus(corpus_txt, options.min_count);
  if (!stats) return fail(stats.error());
  if (stats->words == 0) {
    return fail(ErrorCode::invalid_argument, "the corpus has no word seen min_count times", "corpus");
  }
  return stats;
}

// The n-gram bucket count that keeps the model within max_model_bytes.
// File layout (see internal/fasttext_file.hpp): fixed parts, dictionary, then float rows.
Result<int> bucket_within_budget(const TrainOptions& options, const CorpusStats& stats) {
  const std::uint64_t row_bytes = 4ULL * static_cast<std::uint64_t>(options.dim);
  const std::uint64_t output_rows = options.keep_output_matrix ? static_cast<std::uint64_t>(stats.words) : 0;
  const std::uint64_t fixed = 8 + 56 + 28 + stats.dictionary_bytes + 2 * 17;
  const std::uint64_t word_rows_bytes = (static_cast<std::uint64_t>(stats.words) + output_rows) * row_bytes;
  if (fixed + word_rows_bytes > options.max_model_bytes) {
    return fail(ErrorCode::invalid_argument,
                std::to_string(stats.words) + " words at dim " + std::to_string(options.dim) +
                    " do not fit max_model_bytes: raise min_count or lower dim",
                "max_model_bytes");
  }
  int bucket = options.maxn > 0 ? options.bucket : 0;
  const std::uint64_t room_rows = (options.max_model_bytes - fixed - word_rows_bytes) / row_bytes;
  bucket = static_cast<int>(std::min<std::uint64_t>(static_cast<std::uint64_t>(bucket), room_rows));
  if (options.maxn > 0 && bucket < 1000) {
    return fail(ErrorCode::invalid_argument,
                "no room for n-gram rows within max_model_bytes: raise min_count or lower dim",
                "max_model_bytes");
  }
  return bucket;
}

fasttext::Args skipgram_args(const TrainOptions& options, const std::filesystem::path& corpus_txt, int bucket) {
  fasttext::Args args;
  args.input = corpus_txt.string();
  args.model = fasttext::model_name::sg;
  args.loss = fasttext::loss_name::ns;
  args.dim = options.dim;
  args.epoch = options.epochs;
  args.minCount = options.min_count;
  args.minn = options.maxn > 0 ? options.minn : 0;
  args.maxn = options.maxn;
  args.bucket = bucket;
  args.ws = options.window;
  args.neg = options.negatives;
  args.lr = options.learning_rate;
  args.t = options.sampling;
  args.wordNgrams = 1;
  args.thread = options.threads > 0 ? options.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  args.seed = options.seed;
  args.verbose = 0;
  return args;
}

// fastText calls back from every training thread: serialise, and only report progress forward.
class ProgressForwarder {
 public:
  explicit ProgressForwarder(const std::function<void(double)>& on_progress) : on_progress_(on_progress) {}

  fasttext::FastText::TrainCallback callback() {
    if (!on_progress_) return {};
    return [this](float progress, float, double, double, std::int64_t) {
      std::lock_guard lock(mutex_);
      double p = std::clamp(static_cast<double>(progress), 0.0, 1.0);
      if (p >= reported_ + 0.01) {
        reported_ = p;
        on_progress_(p);
      }
    };
  }
  void finish() {
    if (on_progress_ && reported_ < 1.0) on_progress_(1.0);
  }

 private:
  const std::function<void(double)>& on_progress_;
  std::mutex mutex_;
  double reported_ = -1;
};

// Trains in memory; fills the summary's word and token counts.
Status train_model(internal::FastTextModel& model, const fasttext::Args& args,
                   const fasttext::FastText::TrainCallback& callback, bool keep_output_matrix,
                   const std::filesystem::path& tmp, TrainSummary& summary) {
  std::error_code ec;
  try {
    model.train_fully_initialised(args, callback);
    model.zero_unseen_ngram_rows();
    if (!keep_output_matrix) model.drop_output_matrix();
    summary.words = model.getDictionary()->nwords();
    summary.tokens = model.getDictionary()->ntokens();
  } catch (const fasttext::DenseMatrix::EncounteredNaNError&) {
    std::filesystem::remove(tmp, ec);
    return fail(ErrorCode::internal, "training diverged (NaN): lower learning_rate", "learning_rate");
  } catch (const std::invalid_argument& e) {
    std::filesystem::remove(tmp, ec);
    return fail(ErrorCode::invalid_argument, std::string("fastText: ") + e.what(), "corpus");
  } catch (const std::exception& e) {
    std::filesystem::remove(tmp, ec);
    return fail(ErrorCode::internal, std::string("fastText training failed: ") + e.what());
  }
  return ok();
}

// saveModel does not report write errors: read the file back through the same check as load().
Status verify_saved(const std::filesystem::path& tmp, std::uint64_t max_model_bytes, TrainSummary& summary) {
  auto saved = MappedFile::open(tmp);
  if (!saved) return fail(saved.error());
  summary.model_bytes = saved->bytes().size();
  if (auto info = internal::check_fasttext_file(saved->bytes()); !info)
    return fail(ErrorCode::unavailable, "writing the model failed: " + info.error().message, "model_out");
  if (summary.model_bytes > max_model_bytes)
    return fail(ErrorCode::internal, "model came out larger than max_model_bytes", "max_model_bytes");
  return ok();
}

// Writes the model to `tmp`, checks it and renames it to model_out; fills the summary's size.
Status save_model(internal::FastTextModel& model, const std::filesystem::path& tmp,
                  const std::filesystem::path& model_out, std::uint64_t max_model_bytes, TrainSummary& summary) {
  std::error_code ec;
  try {
    model.saveModel(tmp.string());
  } catch (const std::exception& e) {
    std::filesystem::remove(tmp, ec);
    return fail(ErrorCode::unavailable, "cannot write " + tmp.string() + ": " + e.what(), "model_out");
  }
  Status verified = verify_saved(tmp, max_model_bytes, summary);
  if (verified && std::rename(tmp.c_str(), model_out.c_str()) != 0) {
    verified = fail(ErrorCode::unavailable, "cannot write " + model_out.string(), "model_out");
  }
  if (!verified) std::filesystem::remove(tmp, ec);
  return verified;
}

}  // namespace

Result<TrainSummary> Embeddings::train(const TrainOptions& options, const std::filesystem::path& corpus_txt,
                                       const std::filesystem::path& model_out) {
  const auto started = std::chrono::steady_clock::now();
  auto stats = checked_corpus_stats(options, corpus_txt);
  if (!stats) return fail(stats.error());
  auto bucket = bucket_within_budget(options, *stats);
  if (!bucket) return fail(bucket.error());

  std::filesystem::path tmp = model_out;
  tmp += ".tmp" + std::to_string(::getpid());
  internal::FastTextModel model;
  TrainSummary summary;
  ProgressForwarder progress(options.on_progress);
  if (auto trained = train_model(model, skipgram_args(options, corpus_txt, *bucket), progress.callback(),
                                 options.keep_output_matrix, tmp, summary);
      !trained)
    return fail(trained.error());
  progress.finish();
  if (auto saved = save_model(model, tmp, model_out, options.max_model_bytes, summary); !saved) return fail(saved.error());
  summary.bucket = *bucket;
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

}  // namespace snai::semantic
