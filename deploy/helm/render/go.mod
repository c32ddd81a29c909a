module starlight/render

go 1.19
