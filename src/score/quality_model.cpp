#include "score/quality_model.hpp"

#include <xgboost/c_api.h>

#include "core/file_io.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cmath>
#include <fmt/format.h>
#include <fstream>
#include <iterator>
#include <limits>
#include <mutex>

namespace snai::score {

namespace {

Error xgboost_error(std::string_view what) {
  return Error{ErrorCode::internal, fmt::format("xgboost: {}: {}", what, XGBGetLastError()), {}};
}

struct DMatrix {
  DMatrixHandle handle = nullptr;
  ~DMatrix() {
    if (handle) XGDMatrixFree(handle);
  }
};

std::vector<float> feature_matrix(const NameFeatures& features, std::span<const ScoreInput> inputs,
                                  std::vector<FeatureVector>* keep) {
  std::vector<float> m;
  m.reserve(inputs.size() * kFeatureCount);
  for (const auto& in : inputs) {
    auto v = features.compute(in.name, in.sounds_like, in.screened);
    m.insert(m.end(), v.values.begin(), v.values.end());
    if (keep) keep->push_back(std::move(v));
  }
  return m;
}

// The relevance term of the interim scorer, kept as is: training names have no description.
double relevance_effect(double r) { return (std::clamp(r, 0.0, 1.0) - 0.4) * 2.5; }

// With a description, a name the model is already sure of (P(good) >= 0.95) gains nothing more
// from being even easier to say: past this log-odds the description decides between good names.
// Without the cap, 500 pronounceable candidates score 98-100 and relevance cannot move them.
constexpr double kQualityCapWithDescription = 3.0;

double to_score(double logit) { return 100.0 / (1.0 + std::exp(-logit)); }

// Directions a feature may only push the score in: more digits, hyphens, clusters, keyboard
// walk or negative words never help, and easier to say never hurts. Trees otherwise learn
// quirks of the training names (one digit looked fine in "2K" and "4D") that do not generalise.
std::string monotone_constraints() {
  std::array<int, kFeatureCount> c{};
  c[kPronounceable] = 1;
  c[kWorstPart] = 1;
  for (Feature f : {kConsonantRun, kVowelRun, kSameLetterRun, kDigits, kHyphens, kSymbols, kNonAscii, kNearBrand, kNearFamous, kScreen,
                    kKeyboardWalk, kNegativeWords, kRepeatedParts, kGenericWords})
    c[f] = -1;
  std::string out = "(";
  for (std::size_t i = 0; i < c.size(); ++i) out += fmt::format("{}{}", i ? "," : "", c[i]);
  return out + ")";
}

}  // namespace

struct QualityModel::Booster {
  BoosterHandle handle = nullptr;
  // XGBoost's predictor keeps per-booster scratch state: one prediction at a time.
  mutable std::mutex mutex;
  ~Booster() {
    if (handle) XGBoosterFree(handle);
  }

  // type: 0 probability, 1 margin, 2 SHAP contributions (kFeatureCount + 1 per row, bias last),
  // 3 approximate contributions (same shape).
  Result<std::vector<float>> predict(const std::vector<float>& matrix, std::size_t rows, int type) const {
    if (rows == 0) return std::vector<float>{};
    if (type < 2) {
      // In-place prediction reads the matrix where it is: no DMatrix to build.
      auto array = fmt::format(R"({{"data": [{}, true], "shape": [{}, {}], "typestr": "<f4", "version": 3}})",
                               reinterpret_cast<std::uintptr_t>(matrix.data()), rows, static_cast<std::size_t>(kFeatureCount));
      auto config = fmt::format(R"({{"type": {}, "training": false, "iteration_begin": 0, "iteration_end": 0, "strict_shape": false, "cache_id": 0, "missing": -1e30}})", type);
      const bst_ulong* shape = nullptr;
      bst_ulong dim = 0;
      const float* result = nullptr;
      std::lock_guard lock(mutex);
      if (XGBoosterPredictFromDense(handle, array.c_str(), config.c_str(), nullptr, &shape, &dim, &result) != 0)
        return fail(xgboost_error("predict"));
      return std::vector<float>(result, result + rows);
    }
    DMatrix dm;
    if (XGDMatrixCreateFromMat(matrix.data(), rows, kFeatureCount, std::numeric_limits<float>::quiet_NaN(),
                               &dm.handle) != 0)
      return fail(xgboost_error("matrix"));
    auto config = fmt::format(R"({{"type": {}, "training": false, "iteration_begin": 0, "iteration_end": 0, "strict_shape": false}})", type);
    const bst_ulong* shape = nullptr;
    bst_ulong dim = 0;
    const float* result = nullptr;
    std::lock_guard lock(mutex);
    if (XGBoosterPredictFromDMatrix(handle, dm.handle, config.c_str(), &shape, &dim, &result) != 0)
      return fail(xgboost_error("predict"));
    std::size_t n = 1;
    for (bst_ulong i = 0; i < dim; ++i) n *= shape[i];
    return std::vector<float>(result, result + n);
  }
};

QualityModel::QualityModel(std::unique_ptr<Booster> booster, FeatureContext context)
    : booster_(std::move(booster)), features_(context) {}
QualityModel::QualityModel(QualityModel&&) noexcept = default;
QualityModel& QualityModel::operator=(QualityModel&&) noexcept = default;
QualityModel::~QualityModel() = default;

Result<QualityModel> QualityModel::train(std::span<const LabeledName> names, FeatureContext context,
                                         const QualityTrainOptions& options) {
  NameFeatures features(context);
  std::vector<float> matrix, labels;
  std::size_t rows = 0, good = 0;
  for (const auto& n : names) {
    if (n.held_out) continue;
    auto v = features.compute(n.name);
    matrix.insert(matrix.end(), v.values.begin(), v.values.end());
    labels.push_back(n.good ? 1.0f : 0.0f);
    good += n.good ? 1 : 0;
    ++rows;
  }
  if (good == 0 || good == rows)
    return fail(ErrorCode::invalid_argument, "training needs good and bad names", "names");
  DMatrix dm;
  if (XGDMatrixCreateFromMat(matrix.data(), rows, kFeatureCount, std::numeric_limits<float>::quiet_NaN(), &dm.handle) != 0)
    return fail(xgboost_error("matrix"));
  if (XGDMatrixSetFloatInfo(dm.handle, "label", labels.data(), rows) != 0) return fail(xgboost_error("labels"));
  auto booster = std::make_unique<Booster>();
  if (XGBoosterCreate(&dm.handle, 1, &booster->handle) != 0) return fail(xgboost_error("create"));
  const std::pair<std::string, std::string> params[] = {
      {"objective", "binary:logistic"},
      {"tree_method", "hist"},
      {"nthread", "1"},  // deterministic, and the machine is shared
      {"max_depth", std::to_string(options.max_depth)},
      {"eta", fmt::format("{}", options.eta)},
      {"subsample", fmt::format("{}", options.subsample)},
      {"colsample_bytree", fmt::format("{}", options.colsample)},
      {"min_child_weight", fmt::format("{}", options.min_child_weight)},
      {"seed", std::to_string(options.seed)},
      {"verbosity", "0"},
      {"monotone_constraints", monotone_constraints()},
  };
  for (const auto& [k, v] : params)
    if (XGBoosterSetParam(booster->handle, k.c_str(), v.c_str()) != 0) return fail(xgboost_error("param " + k));
  for (int i = 0; i < options.rounds; ++i)
    if (XGBoosterUpdateOneIter(booster->handle, i, dm.handle) != 0) return fail(xgboost_error("training"));
  return QualityModel(std::move(booster), context);
}

Result<QualityModel> QualityModel::load(const std::filesystem::path& path, FeatureContext context) {
  auto read = read_artifact(path, "quality model");
  if (!read) return fail(read.error());
  const std::string& bytes = *read;
  auto booster = std::make_unique<Booster>();
  if (XGBoosterCreate(nullptr, 0, &booster->handle) != 0) return fail(xgboost_error("create"));
  if (bytes.empty() || XGBoosterLoadModelFromBuffer(booster->handle, bytes.data(), bytes.size()) != 0)
    return fail(ErrorCode::data_corrupt, fmt::format("quality model {} cannot be read: {}", path.string(), XGBGetLastError()));
  bst_ulong features = 0;
  if (XGBoosterGetNumFeature(booster->handle, &features) != 0 || features != kFeatureCount)
    return fail(ErrorCode::data_corrupt,
                fmt::format("quality model {} expects {} features, this build computes {}: rebuild with `snai data build`",
                            path.string(), features, static_cast<std::size_t>(kFeatureCount)));
  XGBoosterSetParam(booster->handle, "nthread", "1");
  return QualityModel(std::move(booster), context);
}

Status QualityModel::save(const std::filesystem::path& path) const {
  bst_ulong len = 0;
  const char* data = nullptr;
  std::lock_guard lock(booster_->mutex);
  if (XGBoosterSaveModelToBuffer(booster_->handle, R"({"format": "ubj"})", &len, &data) != 0)
    return fail(xgboost_error("save"));
  return write_file_atomically(path, std::string_view(data, len));
}

std::vector<double> QualityModel::probabilities(std::span<const std::string> names) const {
  std::vector<ScoreInput> inputs;
  inputs.reserve(names.size());
  for (const auto& n : names) inputs.push_back({.name = n});
  auto matrix = feature_matrix(features_, inputs, nullptr);
  auto p = booster_->predict(matrix, inputs.size(), 0);
  if (!p) return std::vector<double>(names.size(), 0.0);
  return {p->begin(), p->end()};
}

NameScore QualityModel::score(const ScoreInput& input) const {
  return std::move(score_batch(std::span(&input, 1), Explain::shap).front());
}

std::vector<NameScore> QualityModel::score_batch(std::span<const ScoreInput> inputs, Explain explain) const {
  bool reasons = explain != Explain::none;
  std::vector<NameScore> out(inputs.size());
  std::vector<FeatureVector> vectors;
  vectors.reserve(inputs.size());
  auto matrix = feature_matrix(features_, inputs, &vectors);
  auto predicted = booster_->predict(matrix, inputs.size(), explain == Explain::shap ? 2 : explain == Explain::fast ? 3 : 1);
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    auto& s = out[i];
    s.model = "xgboost";
    // Nothing to say or to register as a domain: the model never saw such input, so it is not asked.
    if (vectors[i].values[kLetters] == 0) {
      bool empty = std::ranges::all_of(inputs[i].name, [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
      s.score = 0;
      s.reasons.push_back({"letters", -10, empty ? "empty name" : "no Latin letters: cannot be said, spelt or registered as typed"});
      continue;
    }
    if (!predicted) {
      s.reasons.push_back({"model", 0, "the quality model failed: " + predicted.error().message});
      continue;
    }
    double logit = 0;
    if (reasons) {
      const float* row = predicted->data() + i * (kFeatureCount + 1);
      for (std::size_t f = 0; f <= kFeatureCount; ++f) logit += row[f];
      for (std::size_t f = 0; f < kFeatureCount; ++f) {
        double effect = row[f];
        if (std::abs(effect) < 0.05) continue;
        auto text = explain_feature(static_cast<Feature>(f), vectors[i], effect);
        if (text.empty()) continue;
        // Two features can say the same thing ("close to Google" from the registry and the famous list).
        auto same = std::ranges::find(s.reasons, text, &Reason::text);
        if (same != s.reasons.end())
          same->effect += effect;
        else
          s.reasons.push_back({std::string(kFeatureNames[f]), effect, std::move(text)});
      }
    } else {
      logit = (*predicted)[i];
    }
    s.log_odds = logit;
    if (inputs[i].relevance) {
      double r = std::clamp(*inputs[i].relevance, 0.0, 1.0);
      double e = relevance_effect(r);
      logit = std::min(logit, kQualityCapWithDescription) + e;
      if (reasons)
        s.reasons.push_back({"relevance", e, r >= 0.6   ? "close to the description"
                                                 : r >= 0.4 ? "related to the description"
                                                 : r >= 0.2 ? "loosely related to the description"
                                                            : "unrelated to the description"});
    }
    s.score = to_score(logit);
    std::ranges::stable_sort(s.reasons, [](const Reason& a, const Reason& b) { return std::abs(a.effect) > std::abs(b.effect); });
  }
  return out;
}

std::string explain_feature(Feature feature, const FeatureVector& fv, double effect) {
  const auto& v = fv.values;
  auto n = [&](Feature f) { return static_cast<int>(std::lround(v[f])); };
  bool helps = effect > 0;
  switch (feature) {
    case kLetters: {
      int k = n(kLetters);
      if (k <= 3) return fmt::format("{} letters: very short", k);
      if (k <= 8) return fmt::format("{} letters: short", k);
      if (k <= 11) return fmt::format("{} letters", k);
      return fmt::format("{} letters: long", k);
    }
    case kWords: {
      int w = n(kWords);
      if (w <= 1) return helps ? "one word" : "";
      return fmt::format("{} words{}", w, !helps && w >= 3 ? ": a mouthful" : "");
    }
    case kSyllables: {
      int s = n(kSyllables);
      if (s == 0) return helps ? "" : "no vowel sound to say";
      return fmt::format("{} syllable{}{}", s, s == 1 ? "" : "s", !helps && s >= 4 ? ": long to say" : helps ? ": easy rhythm" : "");
    }
    case kLongestWord: return fmt::format("longest part {} letters{}", n(kLongestWord), helps ? "" : ": long");
    case kPronounceable: return helps ? "easy to say" : "hard to say";
    case kWorstPart: return helps ? "every part is sayable" : "a part is hard to say";
    case kVowelRatio:
      if (helps) return "balanced vowels and consonants";
      return v[kVowelRatio] < 0.3 ? "too few vowels" : v[kVowelRatio] > 0.6 ? "too many vowels" : "unusual vowel pattern";
    case kConsonantRun:
      if (!helps && n(kConsonantRun) >= 3) return "hard consonant cluster";
      return helps ? "no hard consonant clusters" : "";
    case kVowelRun: return !helps && n(kVowelRun) >= 3 ? "long run of vowels" : "";
    case kDoubleLetters:
      if (n(kDoubleLetters) > 0) return helps ? "double letters" : "double letters: easy to misspell";
      return "";
    case kSameLetterRun:
      return n(kSameLetterRun) >= 3 ? fmt::format("the same letter {} times in a row", n(kSameLetterRun)) : "";
    case kDigits: return n(kDigits) > 0 ? "has digits: hard to say and spell" : helps ? "no digits" : "";
    case kHyphens: return n(kHyphens) > 0 ? (helps ? "has a hyphen" : "has hyphens: easy to mistype") : helps ? "no hyphens" : "";
    case kSymbols: return n(kSymbols) > 0 ? "has symbols: hard to type" : "";
    case kNonAscii: return n(kNonAscii) > 0 ? "has non-Latin characters: hard to type" : "";
    case kDictionaryParts:
      if (v[kDictionaryParts] >= 0.99) return helps ? "made of real words" : "plain dictionary words: generic";
      if (v[kDictionaryParts] <= 0.01) return helps ? "an invented word: distinctive" : "not made of real words";
      return helps ? "mixes real and invented words" : "partly real words";
    case kCommonParts:
      if (v[kCommonParts] > 0) return helps ? "familiar words: easy to remember" : "common words: hard to own";
      return helps ? "no common words: ownable" : "";
    case kIsWord:
      if (n(kIsWord)) return helps ? "a real word: easy to remember" : "a real word: the .com is likely taken";
      return "";
    case kCompound: return n(kCompound) ? (helps ? "two words run together" : "two words run together: generic") : "";
    case kNearBrand:
      if (n(kNearBrand) > 0) return fmt::format("close to {}", fv.near_brand);
      return helps ? "not close to a known brand" : "";
    case kScreen:
      if (n(kScreen) == 2) return fmt::format("reads as \"{}\": offensive", fv.screen_reading);
      if (n(kScreen) == 1) return fmt::format("negative connotation: {}", fv.screen_reading);
      return helps ? "no negative readings" : "";
    case kComLabel: {
      int k = n(kComLabel);
      return fmt::format("{}-character .com name{}", k, !helps && k > 14 ? ": long" : helps && k <= 10 ? ": short" : "");
    }
    case kDescriptorSuffix: return n(kDescriptorSuffix) ? fmt::format("ends with a company word ({})", fv.suffix) : "";
    case kKeyboardWalk: return helps ? "" : "looks like keyboard mash";
    case kLetterVariety: return !helps && v[kLetterVariety] < 0.5 ? "repetitive letters" : "";
    case kNegativeWords:
      return n(kNegativeWords) > 0 ? fmt::format("negative connotation: {}", fv.negative_word) : helps ? "no negative words" : "";
    case kWordFrequency:
      if (v[kWordFrequency] <= 0) return "";
      return helps ? "everyday words: easy to remember" : "everyday words: generic";
    case kNearFamous:
      if (n(kNearFamous) > 0) return fmt::format("close to {}", fv.near_famous);
      return "";
    case kParts: return !helps && n(kParts) >= 3 ? fmt::format("{} parts: a mouthful", n(kParts)) : "";
    case kGenericWords:
      return n(kGenericWords) > 0 ? (helps ? "" : "generic business words: describes, does not name") : helps ? "no generic words" : "";
    case kRepeatedParts: return n(kRepeatedParts) > 0 ? "repeats a word" : "";
    case kFeatureCount: break;
  }
  return "";
}

}  // namespace snai::score
