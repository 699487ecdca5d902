set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background '#ffffff'
set output 'baud_stock.svg'
set title 'stream_stock: dropped, remote_busy_percent against clusters.remote.uart.baud'
set xlabel 'clusters.remote.uart.baud'
set ylabel 'dropped, remote_busy_percent'
set grid
set key below
set yrange [0:*]
set logscale x
plot for [i=0:1] 'baud_stock.dat' index i using 1:2 with linespoints pointsize 1.2 title columnheader(1)
