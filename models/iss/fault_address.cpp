// SPDX-License-Identifier: Apache-2.0
#include "models/iss/fault_address.h"

namespace sim::models::iss {
namespace {

std::int64_t sign_extend(std::uint64_t value, unsigned bits) {
  const std::uint64_t sign = std::uint64_t{1} << (bits - 1);
  return static_cast<std::int64_t>((value ^ sign) - sign);
}

unsigned bits(std::uint32_t insn, unsigned hi, unsigned lo) {
  return (insn >> lo) & ((1u << (hi - lo + 1)) - 1);
}

/// log2 of the access size of a single-register load/store (size, V, opc).
unsigned register_scale(std::uint32_t insn) {
  const unsigned size = bits(insn, 31, 30);
  const bool simd = bits(insn, 26, 26) != 0;
  // SIMD&FP with size 00 and opc<1> set is the 128-bit Q register.
  if (simd && size == 0 && bits(insn, 23, 23) != 0) return 4;
  return size;
}

/// A single-register load: opc (bits 23:22) not 00 for general-purpose registers (01 LDR, 1x the
/// sign-extending loads); opc<0> for SIMD&FP (opc<1> selects the Q register).
bool is_load(std::uint32_t insn) {
  const bool simd = bits(insn, 26, 26) != 0;
  return simd ? bits(insn, 22, 22) != 0 : bits(insn, 23, 22) != 0;
}

std::uint64_t extend_register(std::uint64_t value, unsigned option) {
  switch (option) {
  case 2: // UXTW
    return value & 0xffffffffu;
  case 6: // SXTW
    return static_cast<std::uint64_t>(sign_extend(value & 0xffffffffu, 32));
  default: // LSL/UXTX, SXTX
    return value;
  }
}

} // namespace

std::optional<DataAccess> decode_data_access(std::uint32_t insn,
                                             const std::function<std::uint64_t(unsigned)>& reg) {
  const unsigned rn = bits(insn, 9, 5);
  const std::uint64_t base = reg(rn);
  // Load/store register, unsigned immediate: imm12 scaled by the access size.
  if ((insn & 0x3b000000u) == 0x39000000u) {
    const unsigned scale = register_scale(insn);
    return DataAccess{base + (std::uint64_t{bits(insn, 21, 10)} << scale), !is_load(insn)};
  }
  // Load/store register: unscaled, post-, pre-indexed, unprivileged (imm9) or register offset.
  if ((insn & 0x3b200000u) == 0x38000000u) {
    const std::int64_t imm9 = sign_extend(bits(insn, 20, 12), 9);
    const bool post_index = bits(insn, 11, 10) == 1;
    const std::uint64_t address = post_index ? base : base + static_cast<std::uint64_t>(imm9);
    return DataAccess{address, !is_load(insn)};
  }
  if ((insn & 0x3b200c00u) == 0x38200800u) {
    const unsigned rm = bits(insn, 20, 16);
    const std::uint64_t index = extend_register(rm == 31 ? 0 : reg(rm), bits(insn, 15, 13));
    const unsigned shift = bits(insn, 12, 12) != 0 ? register_scale(insn) : 0;
    return DataAccess{base + (index << shift), !is_load(insn)};
  }
  // Load/store pair (and no-allocate pair): imm7 scaled by the register size.
  if ((insn & 0x3a000000u) == 0x28000000u) {
    const unsigned opc = bits(insn, 31, 30);
    const bool simd = bits(insn, 26, 26) != 0;
    const unsigned scale = simd ? 2 + opc : (opc == 2 ? 3 : 2);
    const std::int64_t offset = sign_extend(bits(insn, 21, 15), 7) * (std::int64_t{1} << scale);
    const bool post_index = bits(insn, 24, 23) == 1;
    const std::uint64_t address = post_index ? base : base + static_cast<std::uint64_t>(offset);
    return DataAccess{address, bits(insn, 22, 22) == 0};
  }
  // Exclusive and load-acquire/store-release: [Xn] only. L is bit 22.
  if ((insn & 0x3f000000u) == 0x08000000u) return DataAccess{base, bits(insn, 22, 22) == 0};
  return std::nullopt;
}

} // namespace sim::models::iss
