// SPDX-License-Identifier: Apache-2.0
#include "models/memory/memory_store.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <vector>

namespace sim::models {
namespace {

constexpr std::uint64_t kMiB = 1024 * 1024;
constexpr std::uint64_t kGiB = 1024 * kMiB;
constexpr std::uint64_t kThreshold = 64 * kMiB;

TEST(MemoryStore, SmallBankIsContiguousAndFilledWithPoison) {
  MemoryStore store(4096, 0xa5, kThreshold);
  EXPECT_FALSE(store.sparse());
  std::uint8_t b[4] = {};
  store.read(100, b, 4);
  for (std::uint8_t x : b) EXPECT_EQ(x, 0xa5);
}

TEST(MemoryStore, SparseBankAllocatesNoPageUntilWritten) {
  MemoryStore store(2 * kGiB, 0xee, kThreshold);
  EXPECT_TRUE(store.sparse());
  EXPECT_EQ(store.page_count(), 0u);
  std::uint8_t b[8] = {};
  store.read(2 * kGiB - 8, b, 8);
  EXPECT_EQ(store.page_count(), 0u) << "a read must not allocate";
  for (std::uint8_t x : b) EXPECT_EQ(x, 0xee);
}

TEST(MemoryStore, SparseWriteAcrossPageBoundaryTouchesTwoPages) {
  MemoryStore store(1 * kGiB, 0, kThreshold);
  const std::uint8_t in[4] = {1, 2, 3, 4};
  store.write(MemoryStore::kPageSize - 2, in, 4);
  EXPECT_EQ(store.page_count(), 2u);
  std::uint8_t out[6] = {};
  store.read(MemoryStore::kPageSize - 3, out, 6);
  const std::uint8_t expected[6] = {0, 1, 2, 3, 4, 0};
  for (int i = 0; i < 6; ++i) EXPECT_EQ(out[i], expected[i]) << i;
}

TEST(MemoryStore, MaskedAccessesMoveOnlyEnabledBytes) {
  for (std::uint64_t size : {std::uint64_t{8192}, 128 * kMiB}) {
    MemoryStore store(size, 0x11, kThreshold);
    const std::uint8_t in[4] = {0xa0, 0xa1, 0xa2, 0xa3};
    const std::uint8_t be[2] = {0xff, 0x00}; // repeats: bytes 0 and 2 enabled
    store.write_masked(10, in, 4, be, 2);
    std::uint8_t out[4] = {0x55, 0x55, 0x55, 0x55};
    store.read(10, out, 4);
    EXPECT_EQ(out[0], 0xa0);
    EXPECT_EQ(out[1], 0x11);
    EXPECT_EQ(out[2], 0xa2);
    EXPECT_EQ(out[3], 0x11);
    std::uint8_t masked[4] = {0x55, 0x55, 0x55, 0x55};
    const std::uint8_t be_read[4] = {0, 0xff, 0xff, 0};
    store.read_masked(10, masked, 4, be_read, 4);
    EXPECT_EQ(masked[0], 0x55);
    EXPECT_EQ(masked[1], 0x11);
    EXPECT_EQ(masked[2], 0xa2);
    EXPECT_EQ(masked[3], 0x55);
  }
}

TEST(MemoryStore, OutOfRangeAndOverflowThrow) {
  MemoryStore store(4096, 0, kThreshold);
  std::uint8_t b[8] = {};
  EXPECT_NO_THROW(store.read(4095, b, 1));
  EXPECT_THROW(store.read(4095, b, 2), std::out_of_range);
  EXPECT_THROW(store.write(~0ull - 1, b, 4), std::out_of_range);
  EXPECT_FALSE(store.in_range(~0ull - 1, 4));
  EXPECT_FALSE(store.in_range(0, 0));
}

TEST(MemoryStore, BlockIsWholeBankOrOnePage) {
  MemoryStore flat(8192, 0, kThreshold);
  std::uint64_t first = 1, last = 0;
  std::uint8_t* p = flat.block(5000, first, last);
  EXPECT_NE(p, nullptr);
  EXPECT_EQ(first, 0u);
  EXPECT_EQ(last, 8191u);

  MemoryStore sparse(kGiB, 0, kThreshold);
  p = sparse.block(3 * MemoryStore::kPageSize + 7, first, last);
  EXPECT_EQ(first, 3 * MemoryStore::kPageSize);
  EXPECT_EQ(last, 4 * MemoryStore::kPageSize - 1);
  EXPECT_EQ(sparse.page_count(), 1u);
  p[7] = 0x42; // the block pointer is the storage itself
  std::uint8_t b = 0;
  sparse.read(3 * MemoryStore::kPageSize + 7, &b, 1);
  EXPECT_EQ(b, 0x42);
}

TEST(MemoryStore, LoadFileCopiesBytesAtOffset) {
  const std::string path = ::testing::TempDir() + "memory_store_image.bin";
  {
    std::ofstream f(path, std::ios::binary);
    f << "image";
  }
  MemoryStore store(kGiB, 0, kThreshold);
  EXPECT_EQ(store.load_file(path, 0x1000), 5u);
  char b[5] = {};
  store.read(0x1000, reinterpret_cast<std::uint8_t*>(b), 5);
  EXPECT_EQ(std::string(b, 5), "image");
  EXPECT_THROW(store.load_file(path, kGiB - 2), std::out_of_range);
  EXPECT_THROW(store.load_file(path + ".missing", 0), std::runtime_error);
  std::remove(path.c_str());
}

} // namespace
} // namespace sim::models
