// Where `snai data build` puts its artifacts: the data dir and every artifact's file name
// (the lexicon's is lexicon::kLexiconArtifactName). Written by cli/data_command.cpp, read by
// load_knowledge().
#pragma once

#include <filesystem>
#include <string_view>

#include "core/config.hpp"

namespace snai::naming {

// <data_dir>/data
inline std::filesystem::path artifacts_dir(const Config& config) {
  return std::filesystem::path(config.storage.data_dir) / "data";
}

// <data_dir>/data/<name>
inline std::filesystem::path artifact_path(const Config& config, std::string_view name) {
  return artifacts_dir(config) / name;
}

// simple-icons' data file, installed by scripts/install-deps.sh (npm ci in data/).
inline constexpr std::string_view kSimpleIconsJson = "data/node_modules/simple-icons/data/simple-icons.json";
inline constexpr std::string_view kBrandsArtifactName = "brands.tsv";
inline constexpr std::string_view kCorpusArtifactName = "corpus.txt";
inline constexpr std::string_view kEmbeddingsArtifactName = "embeddings.bin";
inline constexpr std::string_view kVocabularyIndexArtifactName = "vocabulary.hnsw";
inline constexpr std::string_view kCharModelArtifactName = "charlm.bin";
inline constexpr std::string_view kQualityModelArtifactName = "quality.xgb";            // score/quality_model.hpp
inline constexpr std::string_view kQualityCharModelArtifactName = "quality_charlm.bin";  // score/quality_resources.hpp
inline constexpr std::string_view kQualityWordsArtifactName = "quality_words.tsv";       // score/quality_resources.hpp
inline constexpr std::string_view kRealismModelArtifactName = "realism.bin";            // score/realism_model.hpp
inline constexpr std::string_view kCalibrationArtifactName = "score_calibration.txt";   // score/calibration.hpp
inline constexpr std::string_view kNameCharModelArtifactName = "names_charlm.bin";      // invented names: real names' spelling
inline constexpr std::string_view kKnownCompaniesArtifactName = "known_companies.txt";  // real companies, never offered as new
inline constexpr std::string_view kScreenWordsArtifactName = "screen_words.tsv";         // naming/screen_words_file.hpp

}  // namespace snai::naming
