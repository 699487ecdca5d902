// SPDX-License-Identifier: Apache-2.0
#include "models/memory/memory_store.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <stdexcept>

#include "models/common/units.h"

namespace sim::models {

MemoryStore::MemoryStore(std::uint64_t size, std::uint8_t poison, std::uint64_t sparse_threshold)
    : size_(size), poison_(poison), sparse_(size > sparse_threshold) {
  if (size == 0) throw std::invalid_argument("memory size must not be zero");
  if (!sparse_) flat_.assign(size, poison);
}

void MemoryStore::check(std::uint64_t offset, std::uint64_t len) const {
  if (!in_range(offset, len))
    throw std::out_of_range("memory access " + format_hex(offset) + "+" + std::to_string(len) +
                            " outside " + format_bytes(size_));
}

template <typename Fn> void MemoryStore::walk(std::uint64_t offset, std::uint64_t len, Fn&& fn) {
  std::uint64_t pos = 0;
  while (pos < len) {
    const std::uint64_t in_page = (offset + pos) % kPageSize;
    const std::uint64_t n = std::min(len - pos, kPageSize - in_page);
    fn((offset + pos) / kPageSize, in_page, pos, n);
    pos += n;
  }
}

const std::uint8_t* MemoryStore::find_page(std::uint64_t index) const {
  if (index == last_index_) return last_page_;
  auto it = pages_.find(index);
  if (it == pages_.end()) return nullptr; // not cached: it may be allocated by a later write
  last_index_ = index;
  last_page_ = it->second->data();
  return last_page_;
}

std::uint8_t* MemoryStore::touch_page(std::uint64_t index) {
  if (index == last_index_) return last_page_;
  auto& slot = pages_[index];
  if (!slot) {
    slot = std::make_unique<Page>();
    slot->fill(poison_);
  }
  last_index_ = index;
  last_page_ = slot->data();
  return last_page_;
}

void MemoryStore::read(std::uint64_t offset, std::uint8_t* dst, std::uint64_t len) const {
  check(offset, len);
  if (!sparse_) {
    std::memcpy(dst, flat_.data() + offset, len);
    return;
  }
  walk(offset, len,
       [&](std::uint64_t index, std::uint64_t in_page, std::uint64_t pos, std::uint64_t n) {
         const std::uint8_t* page = find_page(index);
         if (page != nullptr)
           std::memcpy(dst + pos, page + in_page, n);
         else
           std::memset(dst + pos, poison_, n);
       });
}

void MemoryStore::write(std::uint64_t offset, const std::uint8_t* src, std::uint64_t len) {
  check(offset, len);
  if (!sparse_) {
    std::memcpy(flat_.data() + offset, src, len);
    return;
  }
  walk(offset, len,
       [&](std::uint64_t index, std::uint64_t in_page, std::uint64_t pos, std::uint64_t n) {
         std::memcpy(touch_page(index) + in_page, src + pos, n);
       });
}

void MemoryStore::read_masked(std::uint64_t offset, std::uint8_t* dst, std::uint64_t len,
                              const std::uint8_t* be, std::uint64_t be_len) const {
  check(offset, len);
  walk(offset, len,
       [&](std::uint64_t index, std::uint64_t in_page, std::uint64_t pos, std::uint64_t n) {
         const std::uint8_t* page = sparse_ ? find_page(index) : flat_.data() + index * kPageSize;
         for (std::uint64_t i = 0; i < n; ++i)
           if (be[(pos + i) % be_len] != 0)
             dst[pos + i] = page != nullptr ? page[in_page + i] : poison_;
       });
}

void MemoryStore::write_masked(std::uint64_t offset, const std::uint8_t* src, std::uint64_t len,
                               const std::uint8_t* be, std::uint64_t be_len) {
  check(offset, len);
  walk(offset, len,
       [&](std::uint64_t index, std::uint64_t in_page, std::uint64_t pos, std::uint64_t n) {
         std::uint8_t* page = sparse_ ? touch_page(index) : flat_.data() + index * kPageSize;
         for (std::uint64_t i = 0; i < n; ++i)
           if (be[(pos + i) % be_len] != 0) page[in_page + i] = src[pos + i];
       });
}

std::uint8_t* MemoryStore::block(std::uint64_t offset, std::uint64_t& first, std::uint64_t& last) {
  check(offset, 1);
  if (!sparse_) {
    first = 0;
    last = size_ - 1;
    return flat_.data();
  }
  const std::uint64_t index = offset / kPageSize;
  first = index * kPageSize;
  last = std::min(first + kPageSize, size_) - 1;
  return touch_page(index);
}

std::uint64_t MemoryStore::load_file(const std::string& path, std::uint64_t offset) {
  std::ifstream file(path, std::ios::binary | std::ios::ate);
  if (!file) throw std::runtime_error("cannot open memory image " + path);
  const auto end = file.tellg();
  if (end < 0) throw std::runtime_error("cannot size memory image " + path);
  const auto bytes = static_cast<std::uint64_t>(end);
  if (bytes == 0) return 0;
  check(offset, bytes);
  file.seekg(0);
  std::vector<std::uint8_t> chunk(std::min<std::uint64_t>(bytes, 64 * 1024));
  for (std::uint64_t done = 0; done < bytes;) {
    const std::uint64_t n = std::min<std::uint64_t>(chunk.size(), bytes - done);
    if (!file.read(reinterpret_cast<char*>(chunk.data()), static_cast<std::streamsize>(n)))
      throw std::runtime_error("short read from memory image " + path);
    write(offset + done, chunk.data(), n);
    done += n;
  }
  return bytes;
}

} // namespace sim::models
