#include "semantic/embeddings.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "semantic/testing/synthetic.hpp"

namespace snai::semantic {
namespace {

namespace fs = std::filesystem;

float norm(const std::vector<float>& v) {
  double s = 0;
  for (float x : v) s += static_cast<double>(x) * x;
  return static_cast<float>(std::sqrt(s));
}

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

TrainOptions small_options() {
  TrainOptions o;
  o.dim = 32;
  o.epochs = 10;
  o.min_count = 2;
  o.bucket = 20'000;
  o.sampling = 1e-3;
  o.threads = 1;  // reproducible
  o.seed = 1;
  return o;
}

class EmbeddingsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("snai_embeddings_test_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    corpus_ = testing::synonym_corpus(3000, 42);
    std::ofstream(dir_ / "corpus.txt") << corpus_.text;
    auto trained = Embeddings::train(small_options(), dir_ / "corpus.txt", dir_ / "model.bin");
    ASSERT_TRUE(trained) << trained.error().describe();
    summary_ = *trained;
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }

  static Embeddings load(LoadOptions options = {}) {
    auto loaded = Embeddings::load(dir_ / "model.bin", options);
    EXPECT_TRUE(loaded) << loaded.error().describe();
    return std::move(*loaded);
  }

  static fs::path write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
    return dir_ / name;
  }

  static inline fs::path dir_;
  static inline testing::SynonymCorpus corpus_;
  static inline TrainSummary summary_;
};

TEST_F(EmbeddingsTest, TrainingReportsTheModel) {
  EXPECT_GT(summary_.words, 100);
  EXPECT_GT(summary_.tokens, 20'000);
  EXPECT_EQ(summary_.bucket, 20'000);
  EXPECT_EQ(summary_.model_bytes, fs::file_size(dir_ / "model.bin"));
  EXPECT_LT(summary_.model_bytes, 4u << 20);
  EXPECT_FALSE(fs::exists(dir_ / ("model.bin.tmp" + std::to_string(::getpid()))));
}

TEST_F(EmbeddingsTest, SynonymsRankAboveLookAlikes) {
  Embeddings emb = load();
  NeighbourEvaluation eval = evaluate_neighbours(emb, corpus_.expectations, 3);
  EXPECT_GE(eval.hit_rate, 0.8) << ::testing::PrintToString(eval.misses);
  EXPECT_EQ(eval.expected, 24);
  auto doctor = emb.nearest("doctor", 3);
  ASSERT_EQ(doctor.size(), 3u);
  EXPECT_TRUE(std::any_of(doctor.begin(), doctor.end(), [](const Neighbor& n) { return n.label == "physician"; }));
  EXPECT_GT(emb.similarity("doctor", "physician"), emb.similarity("doctor", "doctoral"));
  EXPECT_GT(emb.similarity("fast", "quick"), emb.similarity("fast", "fasten"));
  EXPECT_GT(emb.similarity("note", "memo"), emb.similarity("note", "notation"));
}

TEST_F(EmbeddingsTest, NearestSkipsSpellingVariantsUnlessAsked) {
  Embeddings emb = load({.word_weight = 0.0f});  // n-grams only: spelling counts most
  auto has = [](const std::vector<Neighbor>& list, const std::string& word) {
    return std::any_of(list.begin(), list.end(), [&](const Neighbor& n) { return n.label == word; });
  };
  for (const auto& [word, look_alike] : corpus_.false_friends) {
    if (!spelling_variant(word, look_alike)) continue;
    EXPECT_FALSE(has(emb.nearest(word, 60), look_alike)) << word;
    EXPECT_TRUE(has(emb.nearest(word, 60, false), look_alike)) << word;
  }
  EXPECT_TRUE(spelling_variant("doctor", "doctoral"));
  EXPECT_TRUE(spelling_variant("eye_doctor", "doctor"));
  EXPECT_TRUE(spelling_variant("fasten", "fastening"));
  EXPECT_FALSE(spelling_variant("note", "notation"));
  EXPECT_TRUE(spelling_variant("memo", "memory"));
  EXPECT_FALSE(spelling_variant("ai", "air"));
}

TEST_F(EmbeddingsTest, WordWeightTradesSpellingForMeaning) {
  Embeddings ours = load();
  Embeddings spelling = load({.word_weight = 0.0f});  // n-grams only
  Embeddings fasttext_own = load({.word_weight = -1.0f});
  EXPECT_NE(ours.vector("doctor"), fasttext_own.vector("doctor"));
  EXPECT_GT(spelling.similarity("doctor", "doctoral"), ours.similarity("doctor", "doctoral"));
  EXPECT_GT(spelling.similarity("fast", "fasten"), ours.similarity("fast", "fasten"));
  // words outside the vocabulary have no word row: the weight does not change them
  EXPECT_EQ(ours.vector("doctorly"), spelling.vector("doctorly"));
}

TEST_F(EmbeddingsTest, EveryStringGetsAUnitVector) {
  Embeddings emb = load();
  EXPECT_EQ(emb.dim(), 32);
  for (const char* text : {"doctor", "Doctorly", "Notely", "NoteScribe", "note taking", "AI note-taking for doctors",
                           "\xF0\x9F\x9A\x80 doctor"}) {
    auto v = emb.vector(text);
    ASSERT_EQ(v.size(), 32u);
    EXPECT_NEAR(norm(v), 1.0f, 1e-4) << text;
  }
  EXPECT_EQ(norm(emb.vector("")), 0.0f);
  // no n-gram of "zzqx" occurs in the corpus (untrained rows are zeroed): a vector only through
  // hash collisions with seen n-grams, so unit length or none
  const float zzqx = norm(emb.vector("zzqx"));
  EXPECT_TRUE(zzqx == 0.0f || std::abs(zzqx - 1.0f) < 1e-4f);
  EXPECT_EQ(norm(emb.vector("  --- ")), 0.0f);
  EXPECT_EQ(emb.similarity("", "doctor"), 0.0f);
  EXPECT_EQ(emb.vector("Doctor"), emb.vector("doctor"));
  // an invented word lands nearer to what it is spelled from than to unrelated words
  EXPECT_GT(emb.similarity("doctorly", "doctor"), emb.similarity("doctorly", "money"));
}

TEST_F(EmbeddingsTest, VocabularyAndCounts) {
  Embeddings emb = load();
  EXPECT_TRUE(emb.in_vocabulary("physician"));
  EXPECT_FALSE(emb.in_vocabulary("doctorly"));
  EXPECT_FALSE(emb.in_vocabulary("</s>"));
  auto vocabulary = emb.vocabulary();
  ASSERT_FALSE(vocabulary.empty());
  EXPECT_EQ(static_cast<std::int64_t>(vocabulary.size()), summary_.words - 1);  // without </s>
  EXPECT_TRUE(std::is_sorted(vocabulary.begin(), vocabulary.end(),
                             [](const WordCount& a, const WordCount& b) { return a.count > b.count; }));
  EXPECT_EQ(emb.count("physician"), std::find_if(vocabulary.begin(), vocabulary.end(), [](const WordCount& w) {
                                       return w.word == "physician";
                                     })->count);
}

TEST_F(EmbeddingsTest, LoadingTwiceGivesTheSameVectors) {
  Embeddings a = load();
  Embeddings b = load();
  for (const char* text : {"doctor", "notely", "quick car"}) EXPECT_EQ(a.vector(text), b.vector(text));
}

TEST_F(EmbeddingsTest, VocabularyIndexAgreesWithExactNeighbours) {
  Embeddings emb = load();
  auto index = build_vocabulary_index(emb);
  ASSERT_TRUE(index) << index.error().describe();
  EXPECT_EQ(index->size(), emb.vocabulary().size());
  auto hits = index->search(emb.vector("doctor"), 4);
  ASSERT_TRUE(hits);
  EXPECT_EQ(hits->at(0).label, "doctor");
  auto exact = emb.nearest("doctor", 3);
  for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(hits->at(i + 1).label, exact[i].label);
}

TEST_F(EmbeddingsTest, BadModelFilesAreErrorsNotCrashesOrHangs) {
  const std::string bytes = read_all(dir_ / "model.bin");
  EXPECT_EQ(Embeddings::load(dir_ / "missing.bin").error().code, ErrorCode::not_found);
  EXPECT_EQ(Embeddings::load(write("empty", "")).error().code, ErrorCode::data_corrupt);
  EXPECT_EQ(Embeddings::load(write("text", "doctor physician\n")).error().code, ErrorCode::data_corrupt);
  // truncated in the header, in the dictionary (fastText would loop forever), in the matrices
  for (std::size_t cut : {std::size_t{6}, std::size_t{40}, std::size_t{100}, std::size_t{500}, bytes.size() / 2,
                          bytes.size() - 4}) {
    EXPECT_EQ(Embeddings::load(write("cut", bytes.substr(0, cut))).error().code, ErrorCode::data_corrupt) << cut;
  }
  auto patched = [&](std::size_t offset, std::int32_t value) {
    std::string copy = bytes;
    std::memcpy(copy.data() + offset, &value, sizeof value);
    return write("patched", copy);
  };
  EXPECT_EQ(Embeddings::load(patched(0, 12345)).error().code, ErrorCode::data_corrupt);        // magic
  EXPECT_EQ(Embeddings::load(patched(4, 99)).error().code, ErrorCode::data_corrupt);           // version
  EXPECT_EQ(Embeddings::load(patched(8, 1 << 30)).error().code, ErrorCode::data_corrupt);      // dim
  EXPECT_EQ(Embeddings::load(patched(40, 0)).error().code, ErrorCode::data_corrupt);           // bucket 0
  EXPECT_EQ(Embeddings::load(patched(64, 0x7fffffff)).error().code, ErrorCode::data_corrupt);  // words
  EXPECT_EQ(Embeddings::load(write("extended", bytes + "xyz")).error().code, ErrorCode::data_corrupt);
}

TEST_F(EmbeddingsTest, ModelIsKeptWithinItsByteBudget) {
  TrainOptions options = small_options();
  options.epochs = 1;
  options.bucket = 2'000'000;
  options.max_model_bytes = 1u << 20;
  auto trained = Embeddings::train(options, dir_ / "corpus.txt", dir_ / "budget.bin");
  ASSERT_TRUE(trained) << trained.error().describe();
  EXPECT_LE(trained->model_bytes, 1u << 20);
  EXPECT_GT(trained->model_bytes, (1u << 20) - 4 * 32);  // the spare room went to n-gram rows
  EXPECT_LT(trained->bucket, 2'000'000);
  EXPECT_TRUE(Embeddings::load(dir_ / "budget.bin").has_value());

  options.max_model_bytes = 10'000;
  EXPECT_EQ(Embeddings::train(options, dir_ / "corpus.txt", dir_ / "tiny.bin").error().field, "max_model_bytes");
  EXPECT_FALSE(fs::exists(dir_ / "tiny.bin"));
}

TEST_F(EmbeddingsTest, TrainingRejectsBadInput) {
  TrainOptions options = small_options();
  options.dim = 0;
  EXPECT_EQ(Embeddings::train(options, dir_ / "corpus.txt", dir_ / "x.bin").error().field, "dim");
  EXPECT_EQ(Embeddings::train(small_options(), dir_ / "nope.txt", dir_ / "x.bin").error().code, ErrorCode::not_found);
  EXPECT_EQ(Embeddings::train(small_options(), write("blank.txt", ""), dir_ / "x.bin").error().code,
            ErrorCode::invalid_argument);
  options = small_options();
  options.maxn = 2;
  options.minn = 3;
  EXPECT_EQ(Embeddings::train(options, dir_ / "corpus.txt", dir_ / "x.bin").error().field, "minn");
}

TEST(TokenizeTest, SplitsLikeTheCorpusBuilderShould) {
  using V = std::vector<std::string>;
  EXPECT_EQ(tokenize("AI note-taking for doctors"), (V{"ai", "note", "taking", "for", "doctors"}));
  EXPECT_EQ(tokenize("NoteScribe iPhone OpenAI"), (V{"note", "scribe", "i", "phone", "open", "ai"}));
  EXPECT_EQ(tokenize("ice_cream, 3D!"), (V{"ice_cream", "3d"}));
  EXPECT_EQ(tokenize("caf\xC3\xA9"), (V{"caf\xC3\xA9"}));
  EXPECT_TRUE(tokenize(" .,;- ").empty());
}

}  // namespace
}  // namespace snai::semantic
