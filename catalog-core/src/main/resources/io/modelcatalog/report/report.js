(function(){
var root=document.getElementById('mcr');if(!root)return;
function each(list,f){Array.prototype.forEach.call(list,f);}
function key(td,num){var t=td.textContent.trim();if(!num)return t.toLowerCase();
if(t===''||t==='\u2014')return null;var n=parseFloat(t.replace(/[,$]/g,''));return isNaN(n)?null:n;}
each(root.querySelectorAll('table.mcr-sortable'),function(table){
var heads=table.tHead.rows[0].cells;
each(heads,function(th,i){var type=th.getAttribute('data-sort');if(!type)return;
var b=document.createElement('button');b.type='button';
while(th.firstChild)b.appendChild(th.firstChild);th.appendChild(b);
b.addEventListener('click',function(){
var num=type==='num';var first=num?'descending':'ascending';
var cur=th.getAttribute('aria-sort');
var next=cur?(cur==='ascending'?'descending':'ascending'):first;
each(heads,function(o){o.removeAttribute('aria-sort');});th.setAttribute('aria-sort',next);
var dir=next==='ascending'?1:-1;var body=table.tBodies[0];
var rows=Array.prototype.map.call(body.rows,function(r,n){return {r:r,k:key(r.cells[i],num),n:n};});
rows.sort(function(a,b){if(a.k===null||b.k===null){
return a.k===b.k?a.n-b.n:(a.k===null?1:-1);}
return a.k<b.k?-dir:a.k>b.k?dir:a.n-b.n;});
each(rows,function(x){body.appendChild(x.r);});});});});
// a table wider than its box scrolls sideways: a shadow at each edge that has more to show
var boxes=root.querySelectorAll('.mcr-scroll');
function edges(){each(boxes,function(d){var more=d.scrollWidth-d.clientWidth;
d.classList.toggle('mcr-more-left',more>1&&d.scrollLeft>1);
d.classList.toggle('mcr-more-right',more>1&&d.scrollLeft<more-1);});}
each(boxes,function(d){d.addEventListener('scroll',edges,{passive:true});});
window.addEventListener('resize',edges);edges();
var bar=root.querySelector('.mcr-filter');var input=document.getElementById('mcr-filter');
var count=document.getElementById('mcr-count');if(!bar||!input)return;bar.hidden=false;
function filter(){var q=input.value.trim().toLowerCase();var shown=0,all=0;
each(root.querySelectorAll('section.mcr-provider'),function(s){var n=0,rows=s.querySelectorAll('tbody tr');
each(rows,function(r){all++;
var hit=q===''||r.cells[0].textContent.toLowerCase().indexOf(q)>=0;r.hidden=!hit;if(hit)n++;});
// the heading's count: the provider's whole list, or while filtered the part of it shown
var small=s.querySelector('h3 small');if(small){if(!small.hasAttribute('data-all'))
small.setAttribute('data-all',small.textContent);
small.textContent=q===''?small.getAttribute('data-all'):n+' of '+rows.length+(rows.length===1?' model':' models');}
s.hidden=n===0;shown+=n;});
count.textContent=q===''?'':shown+' of '+all+' models';edges();}
input.addEventListener('input',filter);filter();
})();
