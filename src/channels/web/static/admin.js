// The console's upload form: shows how much of the files has been sent, then goes to the results page
// the server redirects to. Without JavaScript the form posts as usual. Text only via textContent.
'use strict'

const form = document.querySelector('form[data-progress]')
const bar = document.getElementById('upload-progress')
const status = document.getElementById('upload-status')

if (form && bar && status) {
  form.addEventListener('submit', (e) => {
    e.preventDefault()
    const button = form.querySelector('button')
    button.disabled = true
    bar.hidden = false
    const xhr = new XMLHttpRequest()
    xhr.open('POST', form.action)
    xhr.upload.addEventListener('progress', (p) => {
      if (!p.lengthComputable) return
      bar.value = p.loaded / p.total
      status.textContent = '已上传 ' + Math.round((100 * p.loaded) / p.total) + '%'
    })
    xhr.upload.addEventListener('load', () => {
      status.textContent = '上传完成，正在导入…'
    })
    xhr.addEventListener('load', () => {
      if (xhr.status < 400) {
        location.href = xhr.responseURL
        return
      }
      // The server's one sentence, read from its error page without running anything in it.
      const page = new DOMParser().parseFromString(xhr.responseText, 'text/html')
      const notice = page.querySelector('.notice')
      status.textContent = notice ? notice.textContent : '上传失败（' + xhr.status + '）'
      button.disabled = false
    })
    xhr.addEventListener('error', () => {
      status.textContent = '网络出错了，请重试。'
      button.disabled = false
    })
    xhr.send(new FormData(form))
  })
}
