/* SPDX-License-Identifier: Apache-2.0 */
#include "bsp.h"

/* ---- MMU: identity maps, as the reference port's Zephyr does ------------------------------- */
/* T0SZ 32: a 4 GiB VA space starting at level 1 (4 KiB granule). Level 1 entry 0 -> a level 2
   table: 2 MiB device blocks over the peripherals (0x1600_0000..0x17ff_ffff) and ipcsim's probe
   port, and a level 3 table
   for 0x2000_0000..0x201f_ffff: the image Normal write-back, the carve-outs as configured. */
#define MAIR_DEVICE 0u /* attribute index 0: Device-nGnRnE */
#define MAIR_NORMAL 1u /* 1: Normal, inner/outer write-back */
#define MAIR_NC 2u     /* 2: Normal, non-cacheable */
#define DESC_TABLE 0x3ul
#define DESC_BLOCK 0x1ul
#define DESC_PAGE 0x3ul
#define DESC_AF (1ul << 10)
#define DESC_SH_INNER (3ul << 8)
#define DESC_ATTR(i) ((uint64_t)(i) << 2)
#define DESC_XN (3ul << 53)

static uint64_t level1[512] __attribute__((aligned(4096)));
static uint64_t level2[512] __attribute__((aligned(4096)));
static uint64_t level3[512] __attribute__((aligned(4096)));

#ifdef IPCSIM_FW_SHARED_NC
#define SHARED_ATTR MAIR_NC
#else
#define SHARED_ATTR MAIR_NORMAL
#endif

static void mmu_init(void) {
  level1[0] = (uint64_t)(uintptr_t)level2 | DESC_TABLE;
  for (uint64_t pa = 0x16000000ul; pa < 0x18000000ul; pa += 0x200000ul)
    level2[pa >> 21] = pa | DESC_BLOCK | DESC_AF | DESC_ATTR(MAIR_DEVICE) | DESC_XN;
  /* ipcsim's probe port (ipcsim_probe.h), device memory like the peripherals. */
  const uint64_t probe_block = BSP_PROBE_PORT & ~0x1ffffful;
  level2[probe_block >> 21] = probe_block | DESC_BLOCK | DESC_AF | DESC_ATTR(MAIR_DEVICE) | DESC_XN;
  level2[0x20000000ul >> 21] = (uint64_t)(uintptr_t)level3 | DESC_TABLE;
  for (uint64_t i = 0; i < 512; ++i) {
    const uint64_t pa = 0x20000000ul + (i << 12);
    const int shared = pa >= BSP_SHM_BASE && pa < BSP_SHM_BASE + BSP_SHM_SIZE;
    if (pa >= BSP_SHM_BASE + BSP_SHM_SIZE) break; /* nothing above the carve-outs */
    unsigned attr = shared ? SHARED_ATTR : MAIR_NORMAL;
#ifdef IPCSIM_FW_RSC_TABLE_NC
    if (pa >= BSP_RSC_TABLE_BASE && pa < BSP_RSC_TABLE_BASE + BSP_RSC_TABLE_SIZE) attr = MAIR_NC;
#endif
    level3[i] = pa | DESC_PAGE | DESC_AF | DESC_SH_INNER | DESC_ATTR(attr);
  }
  dsb();
  sysreg_write(mair_el1, (0x00ul << (8 * MAIR_DEVICE)) | (0xfful << (8 * MAIR_NORMAL)) |
                             (0x44ul << (8 * MAIR_NC)));
  /* T0SZ 32, IRGN0/ORGN0 write-back, SH0 inner, TG0 4 KiB, EPD1 (no TTBR1 walks), IPS 32 bits. */
  sysreg_write(tcr_el1, 32ul | (1ul << 8) | (1ul << 10) | (3ul << 12) | (1ul << 23));
  sysreg_write(ttbr0_el1, (uint64_t)(uintptr_t)level1);
  __asm__ volatile("isb; tlbi vmalle1; dsb sy; isb" ::: "memory");
  uint64_t sctlr = sysreg_read(sctlr_el1);
  sctlr |= (1ul << 0) | (1ul << 2) | (1ul << 12); /* M, C, I */
  sysreg_write(sctlr_el1, sctlr);
  __asm__ volatile("isb" ::: "memory");
}

/* ---- GICv3 ------------------------------------------------------------------------------- */
#define GICD_CTLR 0x0000u
#define GICD_ISENABLER 0x0100u
#define GICD_ICENABLER 0x0180u
#define GICD_IPRIORITYR 0x0400u
#define GICR_WAKER 0x0014u
#define GICR_SGI 0x10000u

static void gic_init(void) {
  mmio_write32(BSP_GICD + GICD_CTLR, (1u << 4) | (1u << 1) | 1u);   /* ARE_NS, EnableGrp1(A) */
  uint32_t waker = mmio_read32(BSP_GICR + GICR_WAKER) & ~(1u << 1); /* ProcessorSleep = 0 */
  mmio_write32(BSP_GICR + GICR_WAKER, waker);
  while (mmio_read32(BSP_GICR + GICR_WAKER) & (1u << 2)) /* ChildrenAsleep */
    ;
  sysreg_write(S3_0_C12_C12_5, 0x7); /* ICC_SRE_EL1 */
  sysreg_write(S3_0_C4_C6_0, 0xf0);  /* ICC_PMR_EL1 */
  sysreg_write(S3_0_C12_C12_3, 0);   /* ICC_BPR1_EL1 */
  sysreg_write(S3_0_C12_C12_7, 1);   /* ICC_IGRPEN1_EL1 */
  __asm__ volatile("isb" ::: "memory");
}

void bsp_irq_enable(unsigned intid, uint8_t priority) {
  const uintptr_t frame = intid < 32 ? BSP_GICR + GICR_SGI : BSP_GICD;
  const uintptr_t prio = frame + GICD_IPRIORITYR + (intid & ~3u);
  const unsigned shift = 8 * (intid & 3u);
  mmio_write32(prio, (mmio_read32(prio) & ~(0xffu << shift)) | ((uint32_t)priority << shift));
  mmio_write32(frame + GICD_ISENABLER + 4 * (intid / 32), 1u << (intid % 32));
}

void bsp_irq_disable(unsigned intid) {
  const uintptr_t frame = intid < 32 ? BSP_GICR + GICR_SGI : BSP_GICD;
  mmio_write32(frame + GICD_ICENABLER + 4 * (intid / 32), 1u << (intid % 32));
}

void bsp_irq(void) {
  for (;;) {
    const unsigned intid = (unsigned)sysreg_read(S3_0_C12_C12_0) & 0xffffffu; /* ICC_IAR1_EL1 */
    if (intid >= 1020) return;
    bsp_irq_handler(intid);
    sysreg_write(S3_0_C12_C12_1, intid); /* ICC_EOIR1_EL1 */
  }
}

/* ---- UART (PL011, polled) ------------------------------------------------------------------ */
#define UART_DR 0x000u
#define UART_FR 0x018u
#define UART_FR_TXFF (1u << 5)

static void uart_putc(char c) {
  while (mmio_read32(BSP_UART0 + UART_FR) & UART_FR_TXFF)
    ;
  mmio_write32(BSP_UART0 + UART_DR, (uint8_t)c);
}

void bsp_puts(const char* s) {
  for (; *s; ++s) uart_putc(*s);
}

void bsp_put_hex(uint64_t v) {
  char buf[19] = "0x";
  for (int i = 0; i < 16; ++i) buf[2 + i] = "0123456789abcdef"[(v >> (60 - 4 * i)) & 0xf];
  buf[18] = 0;
  bsp_puts(buf);
}

/* ---- cache maintenance by VA --------------------------------------------------------------- */
static uint64_t dcache_line(void) {
  return 4ul << ((sysreg_read(ctr_el0) >> 16) & 0xf); /* DminLine: log2 of words */
}

#define DC_RANGE(op)                                                                               \
  const uint64_t line = dcache_line();                                                             \
  for (uint64_t a = (uint64_t)(uintptr_t)addr & ~(line - 1); a < (uint64_t)(uintptr_t)addr + len;  \
       a += line)                                                                                  \
    __asm__ volatile("dc " op ", %0" ::"r"(a) : "memory");                                         \
  dsb();

void bsp_dcache_clean(const volatile void* addr, size_t len) {
  DC_RANGE("cvac")
}
void bsp_dcache_invalidate(const volatile void* addr, size_t len) {
  DC_RANGE("ivac")
}
void bsp_dcache_flush(const volatile void* addr, size_t len) {
  DC_RANGE("civac")
}

/* ---- TCC mailbox ---------------------------------------------------------------------------- */
#define MBOX_CMD_TX_FIFO 0x00u
#define MBOX_CMD_RX_FIFO 0x20u
#define MBOX_CMD_FIFO_STS 0x44u
#define MBOX_CTRL_SET 0x74u
#define MBOX_CTRL_CLR 0x78u /* an AND mask: drivers write ~bits */
#define MBOX_OPPOSITE_STS 0x7cu
#define MBOX_CTRL_IEN_READ (1u << 4)
#define MBOX_CTRL_OEN (1u << 5)
#define MBOX_CTRL_FLUSH ((1u << 6) | (1u << 7))
#define MBOX_STS_TX_EMPTY (1u << 0)

void bsp_mbox_startup(void) {
  mmio_write32(BSP_MBOX + MBOX_CTRL_CLR, ~MBOX_CTRL_OEN);
  mmio_write32(BSP_MBOX + MBOX_CTRL_SET, MBOX_CTRL_FLUSH);
  mmio_write32(BSP_MBOX + MBOX_CTRL_SET, MBOX_CTRL_IEN_READ);
  mmio_write32(BSP_MBOX + MBOX_OPPOSITE_STS, 1);
}

unsigned bsp_mbox_receive(uint32_t* last) {
  const unsigned count = (mmio_read32(BSP_MBOX + MBOX_CMD_FIFO_STS) >> 20) & 0xf;
  for (unsigned i = 0; i < count; ++i) {
    const uint32_t word = mmio_read32(BSP_MBOX + MBOX_CMD_RX_FIFO + 4 * i);
    if (last) *last = word;
  }
  return count;
}

int bsp_mbox_send(uint32_t word) {
  if ((mmio_read32(BSP_MBOX + MBOX_CMD_FIFO_STS) & MBOX_STS_TX_EMPTY) == 0) return -1;
  mmio_write32(BSP_MBOX + MBOX_CTRL_CLR, ~MBOX_CTRL_OEN);
  mmio_write32(BSP_MBOX + MBOX_CMD_TX_FIFO, word);
  mmio_write32(BSP_MBOX + MBOX_CTRL_SET, MBOX_CTRL_OEN);
  return 0;
}

/* ---- time --------------------------------------------------------------------------------- */
uint64_t bsp_ticks(void) {
  return sysreg_read(cntvct_el0);
}
uint64_t bsp_ticks_per_second(void) {
  return sysreg_read(cntfrq_el0);
}

void bsp_init(void) {
  mmu_init();
  gic_init();
}
