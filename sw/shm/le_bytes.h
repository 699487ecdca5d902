// SPDX-License-Identifier: Apache-2.0
#pragma once
// Little-endian loads and stores on byte buffers, for code that builds or parses shared-memory
// images without the HAL (table image, validator, NS message). memcpy keeps them free of
// aliasing and alignment problems; the host is little-endian like the simulated Arm cores, the
// same assumption the HAL's read32/write32 make.

#include <cstdint>
#include <cstring>

namespace sim::sw::shm {

template <typename T> T load_le(const std::uint8_t* p) {
  T value;
  std::memcpy(&value, p, sizeof(T));
  return value;
}

template <typename T> void store_le(std::uint8_t* p, T value) {
  std::memcpy(p, &value, sizeof(T));
}

inline std::uint16_t load_le16(const std::uint8_t* p) {
  return load_le<std::uint16_t>(p);
}
inline std::uint32_t load_le32(const std::uint8_t* p) {
  return load_le<std::uint32_t>(p);
}
inline std::uint64_t load_le64(const std::uint8_t* p) {
  return load_le<std::uint64_t>(p);
}
inline void store_le16(std::uint8_t* p, std::uint16_t v) {
  store_le(p, v);
}
inline void store_le32(std::uint8_t* p, std::uint32_t v) {
  store_le(p, v);
}
inline void store_le64(std::uint8_t* p, std::uint64_t v) {
  store_le(p, v);
}

} // namespace sim::sw::shm
