#include "core/mapped_file.hpp"

#include <fstream>
#include <gtest/gtest.h>

namespace snai {
namespace {

std::filesystem::path write_file(const std::string& name, const std::string& bytes) {
  auto path = std::filesystem::temp_directory_path() / ("snai_mapped_file_test_" + name);
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

TEST(MappedFile, ViewsTheWholeFile) {
  std::string bytes("header\0payload", 14);  // embedded zero bytes come through
  bytes += std::string(10000, 'x');
  auto path = write_file("whole", bytes);
  auto file = MappedFile::open(path);
  ASSERT_TRUE(file) << file.error().describe();
  EXPECT_EQ(file->bytes(), bytes);
  EXPECT_EQ(file->size(), bytes.size());
  file->release_pages();  // pages come back on the next read
  EXPECT_EQ(file->bytes(), bytes);
  std::filesystem::remove(path);
}

TEST(MappedFile, EmptyFileIsAnEmptyView) {
  auto path = write_file("empty", "");
  auto file = MappedFile::open(path);
  ASSERT_TRUE(file);
  EXPECT_TRUE(file->bytes().empty());
  std::filesystem::remove(path);
}

TEST(MappedFile, MovingKeepsTheMapping) {
  auto path = write_file("moved", "abc");
  auto file = MappedFile::open(path);
  ASSERT_TRUE(file);
  MappedFile moved = std::move(*file);
  EXPECT_EQ(moved.bytes(), "abc");
  EXPECT_TRUE(file->bytes().empty());  // NOLINT(bugprone-use-after-move): a moved-from file is empty
  MappedFile assigned;
  assigned = std::move(moved);
  EXPECT_EQ(assigned.bytes(), "abc");
  std::filesystem::remove(path);
}

TEST(MappedFile, ErrorsNameTheFileAndField) {
  auto missing = MappedFile::open("/nonexistent/snai/file.bin", "model");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::not_found);
  EXPECT_EQ(missing.error().field, "model");
  EXPECT_NE(missing.error().message.find("/nonexistent/snai/file.bin"), std::string::npos);

  auto directory = MappedFile::open(std::filesystem::temp_directory_path());
  ASSERT_FALSE(directory);
  EXPECT_EQ(directory.error().code, ErrorCode::data_corrupt);
  EXPECT_EQ(directory.error().field, "path");
}

}  // namespace
}  // namespace snai
