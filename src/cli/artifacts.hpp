// Where `snai data build` puts its artifacts: the data dir and every artifact's file name
// (the lexicon's is lexicon::kLexiconArtifactName).
#pragma once

#include <filesystem>
#include <string_view>

#include "core/config.hpp"

namespace snai::cli {

// <data_dir>/data
std::filesystem::path artifacts_dir(const Config& config);

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

}  // namespace snai::cli
