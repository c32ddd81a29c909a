// Makes stego with the npm tools steggy and lsb (bin/install-stego-tools installs them globally):
//   NODE_PATH="$(npm root -g)" node make-node-stego.js steggy|npm-lsb cover.png message.bin out.png [password]
const fs = require('fs')
const [tool, cover, messageFile, out, password] = process.argv.slice(2)
const message = fs.readFileSync(messageFile)
if (tool === 'steggy') {
  const steggy = require('steggy')
  fs.writeFileSync(out, steggy.conceal(password)(fs.readFileSync(cover), message))
} else if (tool === 'npm-lsb') {
  const { PNG } = require('pngjs')
  const lsb = require('lsb')
  const png = PNG.sync.read(fs.readFileSync(cover))
  const rgb = n => n + (n / 3) | 0
  lsb.encode(png.data, message.toString('latin1'), rgb)
  fs.writeFileSync(out, PNG.sync.write(png))
} else {
  throw new Error('unknown tool ' + tool)
}
