// Renders a Helm chart's templates the way `helm template` does for charts that use only Go's text/template
// built-ins plus sprig's `default` and `quote` (no helm binary here). Values come as JSON (verify.sh converts YAML).
// Usage: go run main.go CHART_DIR VALUES_JSON CHART_JSON RELEASE NAMESPACE
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"text/template"
)

func empty(v interface{}) bool {
	if v == nil {
		return true
	}
	r := reflect.ValueOf(v)
	switch r.Kind() {
	case reflect.String, reflect.Map, reflect.Slice:
		return r.Len() == 0
	case reflect.Bool:
		return !r.Bool()
	case reflect.Float64, reflect.Int:
		return r.IsZero()
	}
	return false
}

func load(path string) map[string]interface{} {
	b, err := os.ReadFile(path)
	if err != nil {
		panic(err)
	}
	var m map[string]interface{}
	if err := json.Unmarshal(b, &m); err != nil {
		panic(err)
	}
	return m
}

func main() {
	if len(os.Args) != 6 {
		fmt.Fprintln(os.Stderr, "usage: main CHART_DIR VALUES_JSON CHART_JSON RELEASE NAMESPACE")
		os.Exit(2)
	}
	chartDir, release, namespace := os.Args[1], os.Args[4], os.Args[5]
	chart := load(os.Args[3])
	data := map[string]interface{}{
		"Values": load(os.Args[2]),
		"Chart": map[string]interface{}{"Name": chart["name"], "Version": chart["version"],
			"AppVersion": chart["appVersion"]},
		"Release": map[string]interface{}{"Name": release, "Namespace": namespace, "Service": "Helm"},
	}
	funcs := template.FuncMap{
		"default": func(d interface{}, v ...interface{}) interface{} {
			if len(v) == 0 || empty(v[0]) {
				return d
			}
			return v[0]
		},
		"quote": func(v ...interface{}) string {
			out := make([]string, 0, len(v))
			for _, x := range v {
				if x != nil {
					out = append(out, fmt.Sprintf("%q", fmt.Sprint(x)))
				}
			}
			return strings.Join(out, " ")
		},
	}
	files, _ := filepath.Glob(filepath.Join(chartDir, "templates", "*.yaml"))
	sort.Strings(files)
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			panic(err)
		}
		// missingkey=error: a value the templates name but values.yaml lacks fails here instead of rendering empty
		t, err := template.New(filepath.Base(f)).Option("missingkey=error").Funcs(funcs).Parse(string(src))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		var sb strings.Builder
		if err := t.Execute(&sb, data); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		if strings.TrimSpace(sb.String()) != "" {
			fmt.Printf("---\n# Source: starlight/templates/%s\n%s\n", filepath.Base(f), strings.TrimLeft(sb.String(), "\n"))
		}
	}
}
