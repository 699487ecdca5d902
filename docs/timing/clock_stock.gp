set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background '#ffffff'
set output 'clock_stock.svg'
set title 'stream_stock: dropped against clusters.remote.clock'
set xlabel 'clusters.remote.clock'
set ylabel 'dropped'
set grid
set key below
set yrange [0:*]
plot for [i=0:0] 'clock_stock.dat' index i using 0:2:xtic(1) with linespoints pointsize 1.2 title columnheader(1)
