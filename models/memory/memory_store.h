// SPDX-License-Identifier: Apache-2.0
#pragma once
// Byte storage of one DRAM bank (pure C++). Up to a threshold it is one contiguous vector; above
// it, 4 KiB pages are allocated on first write, so a 2 GiB bank costs nothing until used and
// never-written bytes read as the poison value without allocating. Offsets are local to the bank;
// every public method checks its range and throws std::out_of_range.

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace sim::models {

class MemoryStore {
public:
  static constexpr std::uint64_t kPageSize = 4096;

  MemoryStore(std::uint64_t size, std::uint8_t poison, std::uint64_t sparse_threshold);
  MemoryStore(const MemoryStore&) = delete;
  MemoryStore& operator=(const MemoryStore&) = delete;

  std::uint64_t size() const { return size_; }
  std::uint8_t poison() const { return poison_; }
  bool sparse() const { return sparse_; }
  /// Pages allocated so far (always 0 for contiguous storage).
  std::size_t page_count() const { return pages_.size(); }
  /// True when [offset, offset+len) lies inside the bank (overflow-safe; len 0 is false).
  bool in_range(std::uint64_t offset, std::uint64_t len) const {
    return len != 0 && offset < size_ && len <= size_ - offset;
  }

  void read(std::uint64_t offset, std::uint8_t* dst, std::uint64_t len) const;
  void write(std::uint64_t offset, const std::uint8_t* src, std::uint64_t len);
  /// TLM byte-enable semantics: byte i moves only when be[i % be_len] is non-zero; disabled bytes
  /// are left untouched on both sides.
  void read_masked(std::uint64_t offset, std::uint8_t* dst, std::uint64_t len,
                   const std::uint8_t* be, std::uint64_t be_len) const;
  void write_masked(std::uint64_t offset, const std::uint8_t* src, std::uint64_t len,
                    const std::uint8_t* be, std::uint64_t be_len);

  /// Host pointer to the storage block holding `offset` (the whole bank, or its page in sparse
  /// mode, which gets allocated) and that block's local range [first, last]. Used for DMI.
  std::uint8_t* block(std::uint64_t offset, std::uint64_t& first, std::uint64_t& last);

  /// Copies a host file into the bank at `offset`; returns its size. Throws std::runtime_error
  /// when the file cannot be read and std::out_of_range when it does not fit.
  std::uint64_t load_file(const std::string& path, std::uint64_t offset);

private:
  using Page = std::array<std::uint8_t, kPageSize>;

  void check(std::uint64_t offset, std::uint64_t len) const;
  const std::uint8_t* find_page(std::uint64_t index) const;
  std::uint8_t* touch_page(std::uint64_t index);
  /// Calls fn(page_index, offset_in_page, position_in_access, n) for each page-sized chunk.
  template <typename Fn> static void walk(std::uint64_t offset, std::uint64_t len, Fn&& fn);

  std::uint64_t size_;
  std::uint8_t poison_;
  bool sparse_;
  std::vector<std::uint8_t> flat_;
  std::unordered_map<std::uint64_t, std::unique_ptr<Page>> pages_;
  // One-entry lookup cache: consecutive accesses mostly hit the same page.
  mutable std::uint64_t last_index_ = ~0ull;
  mutable std::uint8_t* last_page_ = nullptr;
};

} // namespace sim::models
