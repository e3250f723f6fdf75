#include "core/file_io.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

namespace snai {
namespace {

struct TempDir {
  std::filesystem::path path = std::filesystem::temp_directory_path() / ("snai_file_io_" + std::to_string(::getpid()));
  TempDir() { std::filesystem::create_directories(path); }
  ~TempDir() { std::filesystem::remove_all(path); }
};

TEST(FileIo, WritesPartsInOrderAndReadsThemBack) {
  TempDir dir;
  std::string_view parts[] = {"head", "", "-body"};
  ASSERT_TRUE(write_file_atomically(dir.path / "a.bin", parts));
  auto bytes = read_file(dir.path / "a.bin");
  ASSERT_TRUE(bytes);
  EXPECT_EQ(*bytes, "head-body");
}

TEST(FileIo, ReplacesTheOldFileAndLeavesNoTemporary) {
  TempDir dir;
  ASSERT_TRUE(write_file_atomically(dir.path / "a.txt", "old contents"));
  ASSERT_TRUE(write_file_atomically(dir.path / "a.txt", "new"));
  EXPECT_EQ(*read_file(dir.path / "a.txt"), "new");
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path)) files += entry.is_regular_file() ? 1 : 0;
  EXPECT_EQ(files, 1u);
}

TEST(FileIo, MissingFileIsNotFoundAndAMissingFolderCannotBeWritten) {
  TempDir dir;
  auto missing = read_file(dir.path / "nope");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::not_found);
  auto unwritable = write_file_atomically(dir.path / "no" / "such" / "dir.txt", "x");
  ASSERT_FALSE(unwritable);
  EXPECT_EQ(unwritable.error().code, ErrorCode::unavailable);
}

TEST(FileIo, AMissingArtifactSaysToRunDataBuild) {
  TempDir dir;
  auto missing = read_artifact(dir.path / "quality.xgb", "quality model");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::not_found);
  EXPECT_NE(missing.error().message.find("quality model"), std::string::npos);
  EXPECT_NE(missing.error().message.find("snai data build"), std::string::npos);
}

}  // namespace
}  // namespace snai
