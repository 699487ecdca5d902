/* SPDX-License-Identifier: Apache-2.0 */
/* libmetal's machine layer for the TCC807x main core (ipcsim's own): interrupts masked by DAIF
   and enabled at the GICv3, D-cache maintenance as the reference port's Zephyr does it, and WFI
   while libmetal has nothing to do. Cache maintenance follows Zephyr 3.7's libmetal port
   (lib/open-amp/metal: __metal_cache_flush -> sys_cache_data_flush_range, __metal_cache_invalidate
   -> sys_cache_data_invd_range) and arch/arm64/core/cache.c (arch_dcache_range, checked against
   the version with the partial-line handling): a flush is DC CVAC over every line of the range;
   an invalidate is DC CIVAC of a partial last line, then of a partial first line (unless it is
   the same line), and DC IVAC of the whole lines between. */
#include <metal/io.h>
#include <metal/sys.h>
#include <metal/utilities.h>
#include <stdint.h>

#include "bsp.h"

unsigned int sys_irq_save_disable(void) {
  uint64_t daif;
  __asm__ volatile("mrs %0, daif; msr daifset, #2" : "=r"(daif)::"memory");
  return (unsigned int)(daif & (1u << 7));
}

void sys_irq_restore_enable(unsigned int flags) {
  if ((flags & (1u << 7)) == 0) irq_enable_cpu();
}

void sys_irq_enable(unsigned int vector) {
  bsp_irq_enable(vector, 0xa0);
}

void sys_irq_disable(unsigned int vector) {
  bsp_irq_disable(vector);
}

static uint64_t line_size(void) {
  return 4ul << ((sysreg_read(ctr_el0) >> 16) & 0xf);
}

void metal_machine_cache_flush(void* addr, unsigned int len) {
  if (len == 0) return;
  bsp_dcache_clean(addr, len);
}

void metal_machine_cache_invalidate(void* addr, unsigned int len) {
  if (len == 0) return;
  const uint64_t line = line_size(), mask = line - 1;
  uint64_t start = (uint64_t)(uintptr_t)addr, end = start + len;
  if (end & mask) {
    end &= ~mask;
    __asm__ volatile("dc civac, %0" ::"r"(end) : "memory");
  }
  if (start & mask) {
    start &= ~mask;
    if (start == end) goto done;
    __asm__ volatile("dc civac, %0" ::"r"(start) : "memory");
    start += line;
  }
  for (; start < end; start += line) __asm__ volatile("dc ivac, %0" ::"r"(start) : "memory");
done:
  dsb();
}

void metal_generic_default_poll(void) {
  wfi();
}

void* metal_machine_io_mem_map(void* va, metal_phys_addr_t pa, size_t size, unsigned int flags) {
  /* The MMU is set up once at boot (bsp.c), identity-mapped like the port's mmu_regions. */
  metal_unused(pa);
  metal_unused(size);
  metal_unused(flags);
  return va;
}
